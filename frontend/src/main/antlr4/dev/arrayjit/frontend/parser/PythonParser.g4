/*
 * The Python subset arrayjit reads: whole Numba source files. Based on CPython 3.8's LL(1)
 * grammar (with 3.9's relaxed decorators and 3.10's match), without actions.
 *
 * The grammar accepts some forms CPython rejects later (any expression as an assignment target,
 * any order of parameters and call arguments); AstBuilder checks those with CPython's messages.
 * Constructs the kernel language does not support (class, with, try, async, match, lambda,
 * comprehensions other than lists, dict/set displays, yield, await, :=) are parsed in full so
 * that AstBuilder can name them instead of failing the parse.
 */
parser grammar PythonParser;

options { tokenVocab = PythonLexer; }

// ---- entry points

file_input : stmt* EOF;

// One replacement field of an f-string, parsed on its own.
fstring_expr : (yield_expr | testlist_star_expr) EOF;

// ---- statements

stmt : simple_stmts | compound_stmt;

simple_stmts : simple_stmt (';' simple_stmt)* ';'? NEWLINE;

simple_stmt
    : expr_stmt
    | yield_expr
    | return_stmt
    | import_name
    | import_from
    | raise_stmt
    | pass_stmt
    | del_stmt
    | assert_stmt
    | break_stmt
    | continue_stmt
    | global_stmt
    | nonlocal_stmt
    ;

expr_stmt
    : testlist_star_expr
      ( annassign
      | augassign (yield_expr | testlist_star_expr)
      | assign_tail*
      )
    ;
annassign   : ':' test ('=' (yield_expr | testlist_star_expr))?;
assign_tail : '=' (yield_expr | testlist_star_expr);
augassign
    : '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^='
    | '<<=' | '>>=' | '**=' | '//='
    ;

return_stmt   : 'return' testlist_star_expr?;
raise_stmt    : 'raise' (test ('from' test)?)?;
pass_stmt     : 'pass';
break_stmt    : 'break';
continue_stmt : 'continue';
del_stmt      : 'del' exprlist;
assert_stmt   : 'assert' test (',' test)?;
global_stmt   : 'global' name (',' name)*;
nonlocal_stmt : 'nonlocal' name (',' name)*;

import_name      : 'import' dotted_as_name (',' dotted_as_name)*;
dotted_as_name   : dotted_name ('as' name)?;
import_from
    : 'from' (relative_dots* dotted_name | relative_dots+) 'import'
      ( '*'
      | '(' import_as_names ','? ')'
      | import_as_names
      )
    ;
relative_dots   : '.' | '...';
import_as_names : import_as_name (',' import_as_name)*;
import_as_name  : name ('as' name)?;
dotted_name     : name ('.' name)*;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | funcdef
    | decorated
    | classdef
    | try_stmt
    | with_stmt
    | async_stmt
    | match_stmt
    ;

if_stmt     : 'if' namedexpr_test ':' block elif_clause* else_clause?;
elif_clause : 'elif' namedexpr_test ':' block;
else_clause : 'else' ':' block;
while_stmt  : 'while' namedexpr_test ':' block else_clause?;
for_stmt    : 'for' exprlist 'in' testlist_star_expr ':' block else_clause?;

// A block is either the rest of the header's line or an indented suite.
block : simple_stmts | NEWLINE INDENT stmt+ DEDENT;

decorated : decorator+ (funcdef | async_funcdef | classdef);
decorator : '@' namedexpr_test NEWLINE;

async_funcdef : 'async' funcdef;
funcdef       : 'def' name parameters ('->' test)? ':' block;
parameters    : '(' (param_item (',' param_item)* ','?)? ')';
param_item
    : param ('=' test)?      # plainParam
    | '*' param?             # starParam
    | '**' param             # doubleStarParam
    | '/'                    # slashParam
    ;
// Annotations are parsed and dropped.
param : name (':' test)?;

// ---- statements parsed only to be named as unsupported

classdef  : 'class' name ('(' arglist? ')')? ':' block;
try_stmt
    : 'try' ':' block
      ( (except_clause ':' block)+ else_clause? finally_clause?
      | finally_clause
      )
    ;
except_clause  : 'except' '*'? (test ('as' name)?)?;
finally_clause : 'finally' ':' block;
with_stmt
    : 'with' ( '(' with_item (',' with_item)* ','? ')' | with_item (',' with_item)* ) ':' block
    ;
with_item  : test ('as' expr)?;
async_stmt : 'async' (funcdef | for_stmt | with_stmt);

// `match` and `case` are soft keywords: the statement is recognised only where an expression
// statement cannot be. Patterns are skipped as balanced token runs.
match_stmt   : 'match' testlist_star_expr ':' NEWLINE INDENT case_block+ DEDENT;
case_block   : 'case' pattern_soup ':' block;
pattern_soup : (bracketed | ~('(' | ')' | '[' | ']' | '{' | '}' | ':' | NEWLINE | INDENT | DEDENT))+;
bracketed
    : '(' (bracketed | ~('(' | ')' | '[' | ']' | '{' | '}'))* ')'
    | '[' (bracketed | ~('(' | ')' | '[' | ']' | '{' | '}'))* ']'
    | '{' (bracketed | ~('(' | ')' | '[' | ']' | '{' | '}'))* '}'
    ;

// ---- expressions, loosest binding first

namedexpr_test : test (':=' test)?;

test
    : or_test ('if' or_test 'else' test)?
    | lambdef
    ;
test_nocond : or_test | lambdef_nocond;

lambdef        : 'lambda' lambda_params? ':' test;
lambdef_nocond : 'lambda' lambda_params? ':' test_nocond;
lambda_params  : lambda_param (',' lambda_param)* ','?;
lambda_param   : name ('=' test)? | '*' name? | '**' name | '/';

or_test    : and_test ('or' and_test)*;
and_test   : not_test ('and' not_test)*;
not_test   : 'not' not_test | comparison;
comparison : expr (comp_op expr)*;
comp_op    : '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not' 'in' | 'is' | 'is' 'not';

star_expr  : '*' expr;

expr       : xor_expr ('|' xor_expr)*;
xor_expr   : and_expr ('^' and_expr)*;
and_expr   : shift_expr ('&' shift_expr)*;
shift_expr : arith_expr (shift_op arith_expr)*;
shift_op   : '<<' | '>>';
arith_expr : term (arith_op term)*;
arith_op   : '+' | '-';
term       : factor (term_op factor)*;
term_op    : '*' | '@' | '/' | '%' | '//';
// Unary operators bind looser than `**` on their right: -x**2 is -(x**2), 2**-1 is 2**(-1).
factor     : unary_op factor | power;
unary_op   : '+' | '-' | '~';
power      : atom_expr ('**' factor)?;
atom_expr  : 'await'? atom trailer*;

atom
    : '(' (yield_expr | testlist_comp)? ')'   # parenAtom
    | '[' testlist_comp? ']'                  # listAtom
    | '{' dictorsetmaker? '}'                 # braceAtom
    | name                                    # nameAtom
    | NUMBER                                  # numberAtom
    | strings                                 # stringAtom
    | '...'                                   # ellipsisAtom
    | 'None'                                  # noneAtom
    | 'True'                                  # trueAtom
    | 'False'                                 # falseAtom
    ;
strings : (STRING | UNTERMINATED_STRING)+;
name    : NAME | 'match' | 'case';

testlist_comp
    : (namedexpr_test | star_expr) ( comp_for | (',' (namedexpr_test | star_expr))* ','? )
    ;

trailer
    : '(' arglist? ')'          # callTrailer
    | '[' subscriptlist ']'     # subscriptTrailer
    | '.' name                  # attributeTrailer
    ;
subscriptlist : subscript (',' subscript)* ','?;
// Factored so that one test is parsed once; AstBuilder tells index from slice by `colon`.
subscript
    : star_expr
    | lower=test (colon=':' upper=test? sliceop?)?
    | colon=':' upper=test? sliceop?
    ;
sliceop : ':' test?;

exprlist           : (expr | star_expr) (',' (expr | star_expr))* ','?;
testlist_star_expr : (test | star_expr) (',' (test | star_expr))* ','?;

dictorsetmaker
    : dict_item (comp_for | (',' dict_item)* ','?)
    | (test | star_expr) (comp_for | (',' (test | star_expr))* ','?)
    ;
dict_item : test ':' test | '**' expr;

arglist  : argument (',' argument)* ','?;
// `test '=' test` rather than `name '=' test`, so that f(a.b=1) gets CPython's message.
argument
    : test (comp_for | ':=' test | '=' test)?
    | '**' test
    | '*' test
    ;

comp_for : 'async'? 'for' exprlist 'in' or_test comp_iter?;
comp_iter : comp_for | comp_if;
comp_if   : 'if' test_nocond comp_iter?;

yield_expr : 'yield' ('from' test | testlist_star_expr)?;
