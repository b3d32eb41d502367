/**
 * When the API last answered this tab. The server ends a session after a time without requests
 * (`me.session.idleTimeoutSeconds`); typing into a form sends none, so the idle warning counts from
 * here.
 */
let lastAnswerAt = Date.now();

export const markAnswered = (at = Date.now()) => {
  lastAnswerAt = at;
};

export const lastAnswered = () => lastAnswerAt;
