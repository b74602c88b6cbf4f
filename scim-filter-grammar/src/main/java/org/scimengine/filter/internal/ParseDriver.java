package org.scimengine.filter.internal;

import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.scimengine.filter.AttributePath;
import org.scimengine.filter.Filter;
import org.scimengine.filter.ParseLimits;
import org.scimengine.filter.PatchPath;
import org.scimengine.filter.internal.antlr.ScimFilterLexer;
import org.scimengine.filter.internal.antlr.ScimFilterParser;

/**
 * The parse pipeline behind {@code FilterParser}: limits, lexing, the nesting pre-check, a fast SLL parse
 * with a full-LL retry only when SLL fails, and the AST build. No parse tree is built: the AST builder reads
 * the grammar's labels, which ANTLR fills either way. Each call builds its own lexer and parser;
 * only ANTLR's thread-safe DFA cache is shared between calls.
 */
public final class ParseDriver {

    private ParseDriver() {
    }

    public static Filter parseFilter(String text, ParseLimits limits) {
        Parse parse = new Parse(text, limits, "filter");
        return parse.builder().filter(parse.tree(ScimFilterParser::filterInput).root);
    }

    public static PatchPath parsePath(String text, ParseLimits limits) {
        Parse parse = new Parse(text, limits, "path");
        return parse.builder().path(parse.tree(ScimFilterParser::pathInput).root);
    }

    public static List<AttributePath> parseAttributeList(String text, ParseLimits limits) {
        Parse parse = new Parse(text, limits, "attribute list");
        return parse.builder().attributePaths(parse.tree(ScimFilterParser::attributeListInput).paths);
    }

    public static AttributePath parseAttributePath(String text, ParseLimits limits) {
        Parse parse = new Parse(text, limits, "attribute path");
        return parse.builder().attributePath(parse.tree(ScimFilterParser::attributePathInput).single);
    }

    /** One parse of one input. */
    private static final class Parse {
        private final String text;
        private final ParseLimits limits;
        private final String subject;
        private final CommonTokenStream tokens;

        Parse(String text, ParseLimits limits, String subject) {
            this.text = text;
            this.limits = limits;
            this.subject = subject;
            if (text.length() > limits.maxLength()) {
                throw SyntaxErrors.at(text, limits.maxLength(),
                        "the " + subject + " is longer than the limit of " + limits.maxLength() + " characters");
            }
            ScimFilterLexer lexer = new ScimFilterLexer(new StringCharStream(text));
            lexer.removeErrorListeners();
            lexer.addErrorListener(SyntaxErrors.lexerListener(text));
            tokens = new CommonTokenStream(lexer);
            tokens.fill();
            checkTokens();
        }

        /** Rejects empty input and nesting beyond the limit before the recursive-descent parser sees it. */
        private void checkTokens() {
            List<Token> all = tokens.getTokens();
            if (all.get(0).getType() == Token.EOF) {
                throw SyntaxErrors.atToken(all.get(0), "the " + subject + " is empty");
            }
            int depth = 0;
            for (Token token : all) {
                int type = token.getType();
                if (type == ScimFilterLexer.LPAREN || type == ScimFilterLexer.LBRACKET) {
                    if (++depth > limits.maxDepth()) {
                        throw SyntaxErrors.atToken(token, SyntaxErrors.tooDeep(subject, limits.maxDepth()));
                    }
                } else if (type == ScimFilterLexer.RPAREN || type == ScimFilterLexer.RBRACKET) {
                    depth--;
                }
            }
        }

        AstBuilder builder() {
            return new AstBuilder(limits.maxDepth(), subject);
        }

        <T extends ParserRuleContext> T tree(Function<ScimFilterParser, T> entry) {
            ScimFilterParser parser = new ScimFilterParser(tokens);
            parser.setBuildParseTree(false);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            try {
                return entry.apply(parser);
            } catch (ParseCancellationException sllFailed) {
                // SLL can fail where full LL succeeds; only a failure under LL is a syntax error.
                parser.reset();
                parser.setErrorHandler(new ReportingErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                try {
                    return entry.apply(parser);
                } catch (ParseCancellationException llFailed) {
                    throw SyntaxErrors.fromParser(tokens, (RecognitionException) llFailed.getCause());
                }
            }
        }
    }
}
