/*
 * SCIM filters (RFC 7644 §3.4.2.2, Figure 1), PATCH paths (RFC 7644 §3.5.2) and attribute lists
 * (`attributes`, `excludedAttributes`, `sortBy`; RFC 7644 §3.4.2.5 and §3.9).
 *
 * Precedence is encoded in the rule structure: `not` binds tighter than `and`, `and` tighter than `or`;
 * chains fold left-associatively in the AST builder. Keywords and operators are case-insensitive. Tokens
 * are separated by any run of spaces or tabs, which may be left out where tokens delimit themselves
 * (RFC 7644 §3.5.2.2's own example writes `value eq"2819c223..."`).
 *
 * This grammar only recognises; org.scimengine.filter.internal.AstBuilder turns the parse tree into the
 * immutable AST and applies the checks that a context-free rule cannot state well (nested value filters,
 * the plain sub-attribute after ']', the depth limit).
 */
grammar ScimFilter;

options { caseInsensitive = true; }

// The parser runs without building a parse tree (it is read once and thrown away), so every part the AST
// builder reads is labelled: ANTLR fills labels whether or not it builds the tree.

// ---- Entry points: each must consume the whole input. ----

filterInput        : root=filter EOF ;
pathInput          : root=path EOF ;
attributeListInput : paths+=attributePath (COMMA paths+=attributePath)* EOF ;
attributePathInput : single=attributePath EOF ;

// ---- Filters ----

filter    : terms+=andFilter (ops+=OR terms+=andFilter)* ;
andFilter : terms+=unaryFilter (ops+=AND terms+=unaryFilter)* ;

unaryFilter
    : negation=NOT LPAREN operand=filter RPAREN     # notFilter
    | LPAREN inner=filter RPAREN                    # groupFilter
    | attribute=attributePath test=attributeTest    # attributeFilter
    ;

// Factored out of unaryFilter so that, after an attribute path, one token decides the alternative and a
// syntax error can name exactly what was expected there.
attributeTest
    : PR                                                                    # presentTest
    | op=(EQ | NE | CO | SW | EW | GT | LT | GE | LE)
      value=(STRING | NUMBER | TRUE | FALSE | NULL)                         # compareTest
    // `emails[type eq "work"].value eq "x"` is not in RFC 7644's ABNF, but Entra ID sends it for matching
    // attributes; it means `emails[type eq "work" and value eq "x"]`.
    | open=LBRACKET valueFilter=filter RBRACKET
      (dot=DOT subAttribute=attributePath subTest=attributeTest)?            # valuePathTest
    ;

// ---- PATCH paths: attrPath, or valuePath optionally followed by `.subAttr` ----

path : attribute=attributePath (open=LBRACKET valueFilter=filter RBRACKET (DOT subAttribute=attributePath)?)? ;

// An attribute path is one token; the builder splits off the schema URN and the sub-attribute. The RFC's
// ATTRNAME = ALPHA *(nameChar) also spells the keywords, so a keyword is a valid attribute name where an
// attribute path is expected.
attributePath
    : name=(ATTR_PATH
    | AND | OR | NOT | PR | EQ | NE | CO | SW | EW | GT | LT | GE | LE | TRUE | FALSE | NULL)
    ;

// ---- Lexer ----

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
DOT      : '.' ;
COMMA    : ',' ;

AND : 'and' ;
OR  : 'or' ;
NOT : 'not' ;
PR  : 'pr' ;
EQ  : 'eq' ;
NE  : 'ne' ;
CO  : 'co' ;
SW  : 'sw' ;
EW  : 'ew' ;
GT  : 'gt' ;
LT  : 'lt' ;
GE  : 'ge' ;
LE  : 'le' ;

TRUE  : 'true' ;
FALSE : 'false' ;
NULL  : 'null' ;

// JSON number (RFC 8259 §6).
NUMBER : '-'? INT FRACTION? EXPONENT? ;
fragment INT      : '0' | [1-9] [0-9]* ;
fragment FRACTION : '.' [0-9]+ ;
fragment EXPONENT : 'e' [+-]? [0-9]+ ;

// JSON string (RFC 8259 §7): escapes are case-sensitive, control characters must be escaped.
STRING options { caseInsensitive = false; } : '"' (ESCAPE | UNESCAPED)* '"' ;
fragment ESCAPE options { caseInsensitive = false; } : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX       : [0-9a-f] ;
fragment UNESCAPED : ~["\\\u0000-\u001F] ;

// [URN ":"] ATTRNAME *1subAttr. The URN part may itself hold ':' and '.', so the lexer takes the longest
// match and the builder splits at the last ':'.
ATTR_PATH : URN_PREFIX? ATTR_NAME ('.' ATTR_NAME)? ;
fragment URN_PREFIX : 'urn:' URN_CHAR+ ':' ;
// RFC 8141's NSS characters, less the ones this grammar uses as delimiters: ( ) , [ ] " and space.
fragment URN_CHAR   : [a-z0-9._~%+:@/!$&'*;=-] ;
fragment ATTR_NAME  : [a-z] [a-z0-9_-]* | '$ref' ;

WS : [ \t]+ -> skip ;
