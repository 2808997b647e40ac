def control(n, a):
    if n > 0:
        x = 1
    elif n < 0:
        x = -1
    elif n == 0:
        x = 0
    else:
        x = None

    while n > 0:
        n -= 1
        if n == 5:
            break
        if n % 2:
            continue
    else:
        done = True

    for i in range(n):
        pass
    else:
        pass

    for x, y in zip(a, a):
        if x:
            pass
        else:
            if y:
                pass

    if a: pass
    elif n: pass
    else: pass

    while True:
        return n
