import { expect } from '@open-wc/testing';
import { errorFromResponse, isTokenPastExpiry } from '../../src/client/errors.js';
import { tokenExpiringIn } from '../helpers/tokens.js';

const body = (...errors: Array<{ code: string; message: string; field?: string }>) => ({ fingerprint: 'f-1', errors });

describe('ApiError from a response', () => {
  const live = tokenExpiringIn(600);

  it('maps statuses to the stable tl-error codes', () => {
    const codes = [401, 403, 404, 409, 422, 429, 500, 503, 418].map((s) => errorFromResponse(s, body({ code: 'x', message: 'm' }), live).code);
    expect(codes).to.deep.equal([
      'unauthorized', 'unauthorized', 'not-found', 'conflict', 'validation', 'rate-limited', 'server', 'server', 'unexpected',
    ]);
  });

  it('marks what is recoverable', () => {
    expect(errorFromResponse(503, undefined, live).recoverable).to.equal(true);
    expect(errorFromResponse(429, undefined, live).recoverable).to.equal(true);
    expect(errorFromResponse(404, undefined, live).recoverable).to.equal(false);
    expect(errorFromResponse(401, undefined, live).recoverable).to.equal(false);
  });

  it('collects 422 field errors by dotted path', () => {
    const error = errorFromResponse(
      422,
      body({ code: 'required', message: 'Required.', field: 'email' }, { code: 'pattern', message: 'Bad.', field: 'owners.1.firstName' }),
      live,
    );
    expect(error.fieldErrors).to.deep.equal({ email: 'Required.', 'owners.1.firstName': 'Bad.' });
    expect(error.fingerprint).to.equal('f-1');
  });

  it('tells an expired token from a refused one', () => {
    expect(errorFromResponse(401, body({ code: 'token-expired', message: 'm' }), live).tokenExpired).to.equal(true);
    expect(errorFromResponse(401, body({ code: 'token-invalid', message: 'm' }), live).tokenExpired).to.equal(false);
    expect(errorFromResponse(401, undefined, tokenExpiringIn(-5)).tokenExpired).to.equal(true);
    expect(errorFromResponse(403, body({ code: 'token-expired', message: 'm' }), live).tokenExpired).to.equal(false);
  });

  it('reads exp safely', () => {
    expect(isTokenPastExpiry('not a jwt')).to.equal(false);
    expect(isTokenPastExpiry(tokenExpiringIn(-1))).to.equal(true);
    expect(isTokenPastExpiry(tokenExpiringIn(60))).to.equal(false);
  });
});
