def f(x):
    if x:

        # comment at a deeper level
  # comment at a shallower level
        y = 1
    
        z = 2
    return y


class A:
	def g(self):
		pass

def h():
        return 0
