match = re.match(pattern, text)
case = 1
match.group(0)
match[0] = case
print(match, case)
match x:
    case 1:
        pass
match (point):
    case (0, 0):
        pass
def f(match, case):
    return match + case
