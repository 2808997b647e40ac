# Logical lines: brackets, backslashes, comments, blank lines.
total = (a +
         b +   # a comment inside brackets

         c)
items = [
    1,
    2,
]
value = first + \
    second


    # a comment line at another indentation
call(x,
     y=2)
if a and \
   b:
    pass
d = {
}
x = 1; y = 2;
if x: y = 3; z = 4
matrix = [[1, 2],
          [3, 4]]
