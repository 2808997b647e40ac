tabs = 1
if tabs:
	if tabs:
		x = 1
	y = 2
        z = 3
