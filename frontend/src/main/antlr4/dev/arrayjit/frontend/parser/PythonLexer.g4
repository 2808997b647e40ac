/*
 * Tokens of the Python subset arrayjit reads (whole Numba source files).
 *
 * The lexer has no actions: NEWLINE is emitted for every physical line end, and
 * IndentingTokenSource turns that stream into CPython's logical lines (INDENT, DEDENT,
 * NEWLINE suppressed inside brackets and on blank lines). Whitespace, comments and
 * backslash line joins are skipped here; indentation is measured from the source text.
 */
lexer grammar PythonLexer;

tokens { INDENT, DEDENT }

// Hard keywords.
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// Soft keywords: the parser's `name` rule accepts them as ordinary identifiers too.
MATCH    : 'match';
CASE     : 'case';

// Integers, floats and imaginary numbers in one token, as CPython's tokenizer does;
// AstBuilder classifies them. Leading zeros are accepted here and rejected with a message there.
NUMBER
    : INTEGER
    | FLOAT_NUMBER
    | IMAG_NUMBER
    ;

// One token per string literal, prefix and quotes included; AstBuilder decodes it.
STRING
    : STRING_PREFIX? (SHORT_STRING | LONG_STRING)
    ;

// Matched only when no closing quote exists (a terminated STRING is always longer).
UNTERMINATED_STRING
    : STRING_PREFIX? (SHORT_OPEN | LONG_OPEN)
    ;

NAME : ID_START ID_CONTINUE*;

NEWLINE : '\r'? '\n' | '\r';

// Operators and delimiters, named as CPython's token module names them.
LPAR             : '(';
RPAR             : ')';
LSQB             : '[';
RSQB             : ']';
LBRACE           : '{';
RBRACE           : '}';
COLON            : ':';
COMMA            : ',';
SEMI             : ';';
PLUS             : '+';
MINUS            : '-';
STAR             : '*';
SLASH            : '/';
VBAR             : '|';
AMPER            : '&';
LESS             : '<';
GREATER          : '>';
EQUAL            : '=';
DOT              : '.';
PERCENT          : '%';
EQEQUAL          : '==';
NOTEQUAL         : '!=';
LESSEQUAL        : '<=';
GREATEREQUAL     : '>=';
TILDE            : '~';
CIRCUMFLEX       : '^';
LEFTSHIFT        : '<<';
RIGHTSHIFT       : '>>';
DOUBLESTAR       : '**';
PLUSEQUAL        : '+=';
MINEQUAL         : '-=';
STAREQUAL        : '*=';
SLASHEQUAL       : '/=';
PERCENTEQUAL     : '%=';
AMPEREQUAL       : '&=';
VBAREQUAL        : '|=';
CIRCUMFLEXEQUAL  : '^=';
LEFTSHIFTEQUAL   : '<<=';
RIGHTSHIFTEQUAL  : '>>=';
DOUBLESTAREQUAL  : '**=';
DOUBLESLASH      : '//';
DOUBLESLASHEQUAL : '//=';
AT               : '@';
ATEQUAL          : '@=';
RARROW           : '->';
ELLIPSIS         : '...';
COLONEQUAL       : ':=';

SKIP_ : (WHITESPACE | COMMENT | LINE_JOIN | BYTE_ORDER_MARK) -> skip;

// Anything else becomes one token the parser cannot use, so the error names the character.
ERROR_CHAR : .;

fragment WHITESPACE      : [ \t\f]+;
fragment COMMENT         : '#' ~[\r\n]*;
fragment LINE_JOIN       : '\\' ('\r'? '\n' | '\r');
fragment BYTE_ORDER_MARK : '\uFEFF';

fragment INTEGER
    : DIGIT_PART
    | '0' [oO] ('_'? [0-7])+
    | '0' [xX] ('_'? [0-9a-fA-F])+
    | '0' [bB] ('_'? [01])+
    ;
fragment DIGIT_PART     : [0-9] ('_'? [0-9])*;
fragment FLOAT_NUMBER   : POINT_FLOAT | EXPONENT_FLOAT;
fragment POINT_FLOAT    : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.';
fragment EXPONENT_FLOAT : (DIGIT_PART | POINT_FLOAT) [eE] [+-]? DIGIT_PART;
fragment IMAG_NUMBER    : (FLOAT_NUMBER | DIGIT_PART) [jJ];

fragment STRING_PREFIX
    : [rRuUfFbB]
    | [fF][rR] | [rR][fF]
    | [bB][rR] | [rR][bB]
    ;
// A backslash escapes any character, a line end included (raw strings keep both).
fragment ESCAPE : '\\' ('\r\n' | .);

fragment SHORT_STRING
    : '\'' (ESCAPE | ~[\\\r\n'])* '\''
    | '"' (ESCAPE | ~[\\\r\n"])* '"'
    ;
fragment SHORT_OPEN
    : '\'' (ESCAPE | ~[\\\r\n'])*
    | '"' (ESCAPE | ~[\\\r\n"])*
    ;
// A long string's body never contains its closing triple quote, so a long string ends at the
// first one, as in CPython, and the unterminated form can only match up to end of file.
fragment LONG_STRING
    : '\'\'\'' LONG_SQ_BODY '\'\'\''
    | '"""' LONG_DQ_BODY '"""'
    ;
fragment LONG_OPEN
    : '\'\'\'' LONG_SQ_BODY ('\'' | '\'\'')? '\\'? EOF
    | '"""' LONG_DQ_BODY ('"' | '""')? '\\'? EOF
    ;
fragment LONG_SQ_BODY : (~['\\] | ESCAPE | '\'' (~['\\] | ESCAPE) | '\'\'' (~['\\] | ESCAPE))*;
fragment LONG_DQ_BODY : (~["\\] | ESCAPE | '"' (~["\\] | ESCAPE) | '""' (~["\\] | ESCAPE))*;

fragment ID_START    : [\p{L}\p{Nl}_];
fragment ID_CONTINUE : [\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}];
