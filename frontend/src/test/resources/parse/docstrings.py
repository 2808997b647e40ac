"""Module docstring: stays an expression statement."""


def documented(x):
    """One line."""
    return x


def multi_line():
    """First line.

    More text with a "quote" and a tab\there.
    """
    pass


def only_docstring():
    '''Nothing else.'''


def not_a_docstring(x):
    y = 1
    "a string expression, not a docstring"
    return y


def raw_doc():
    r"""Raw: \n stays two characters."""


def fstring_is_not_doc():
    f"{1}"
    return 0


def concatenated():
    "joined " 'docstring'
    return 1
