x = 1
    y = 2
z = (1, 2]
w = 3)
v = $ + “q”
if x:
        a = 1
    b = 2
s = "unterminated
t = (open
