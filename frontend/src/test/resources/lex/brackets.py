x = (1,
     2)  # suppressed newline
y = [

  3,
]
z = {1:
  2}
w = a + \
    b
if a and \
        b:
    pass
call(a,

     # comment inside brackets
     b)
