import { expect } from '@open-wc/testing';
import { errorFromResponse } from '../../src/client/errors.js';

const body = (...errors: Array<{ code: string; message: string; field?: string }>) => ({ fingerprint: 'f-1', errors });

describe('ApiError from a response', () => {
  it('maps statuses to the stable tl-error codes', () => {
    const codes = [401, 403, 404, 409, 422, 429, 500, 503, 418].map((s) => errorFromResponse(s, body({ code: 'x', message: 'm' })).code);
    expect(codes).to.deep.equal([
      'unauthorized', 'unauthorized', 'not-found', 'conflict', 'validation', 'rate-limited', 'server', 'server', 'unexpected',
    ]);
  });

  it('marks what is recoverable', () => {
    expect(errorFromResponse(503, undefined).recoverable).to.equal(true);
    expect(errorFromResponse(429, undefined).recoverable).to.equal(true);
    expect(errorFromResponse(404, undefined).recoverable).to.equal(false);
    expect(errorFromResponse(401, undefined).recoverable).to.equal(false);
  });

  it('collects 422 field errors by dotted path', () => {
    const error = errorFromResponse(
      422,
      body({ code: 'required', message: 'Required.', field: 'email' }, { code: 'pattern', message: 'Bad.', field: 'owners.1.firstName' })
    );
    expect(error.fieldErrors).to.deep.equal({ email: 'Required.', 'owners.1.firstName': 'Bad.' });
    expect(error.fingerprint).to.equal('f-1');
  });

  it('reports how a 401 refused the token, without reading the token itself', () => {
    expect(errorFromResponse(401, body({ code: 'token-expired', message: 'm' })).tokenRefused).to.equal('expired');
    expect(errorFromResponse(401, body({ code: 'token-invalid', message: 'm' })).tokenRefused).to.equal('invalid');
    expect(errorFromResponse(401, undefined).tokenRefused).to.equal('invalid');
    expect(errorFromResponse(403, body({ code: 'token-expired', message: 'm' })).tokenRefused).to.equal(null);
    expect(errorFromResponse(500, undefined).tokenRefused).to.equal(null);
  });
});
