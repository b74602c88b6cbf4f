package org.scimengine.filter.internal;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first error, like ANTLR's {@code BailErrorStrategy}, but keeps what
 * {@link DefaultErrorStrategy} knows about optional loops the parser has just left, so that after
 * {@code a pr} an unexpected token is reported as "expected 'and', 'or' or the end of the input" rather than
 * only "the end of the input". Never recovers, never prints.
 */
final class ReportingErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = nextTokensContext == null
                ? new InputMismatchException(recognizer)
                : new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
        throw new ParseCancellationException(e);
    }

    /** A matched token ends every optional part recorded before it: forget them, or they describe stale states. */
    @Override
    public void reportMatch(Parser recognizer) {
        nextTokensContext = null;
        nextTokensState = ATNState.INVALID_STATE_NUMBER;
        super.reportMatch(recognizer);
    }

    /** Records where an optional part could have continued; fails at once where nothing can. */
    @Override
    public void sync(Parser recognizer) {
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int lookahead = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(state);
        if (next.contains(lookahead)) {
            nextTokensContext = null;
            nextTokensState = ATNState.INVALID_STATE_NUMBER;
            return;
        }
        if (next.contains(Token.EPSILON)) {
            if (nextTokensContext == null) {
                nextTokensContext = recognizer.getContext();
                nextTokensState = recognizer.getState();
            }
            return;
        }
        throw new ParseCancellationException(new InputMismatchException(recognizer));
    }
}
