import { expect } from '@open-wc/testing';
import { resolveEnvironment } from '../../src/engines/official/environment.js';
import { MessageRateLimit } from '../../src/engines/official/rate-limit.js';
import { redactDetail } from '../../src/engines/official/redact.js';

describe('official engine: its small rules', () => {
  it('the tl-error rate limit lets one report per distinct message through per second of its clock', () => {
    let now = 5000;
    const limit = new MessageRateLimit(() => now);
    expect([limit.allow('a'), limit.allow('a'), limit.allow('b'), limit.allow('a')]).to.deep.equal([true, false, true, false]);
    now += 999;
    expect([limit.allow('a'), limit.allow('b')]).to.deep.equal([false, false]);
    now += 1;
    expect([limit.allow('a'), limit.allow('a'), limit.allow('b')]).to.deep.equal([true, false, true]);
    // A flood of distinct messages is counted too (and forgotten once their second has passed).
    for (let i = 0; i < 100; i++) expect(limit.allow(`m${i}`)).to.equal(true);
    expect(limit.allow('m7')).to.equal(false);
    now += 1000;
    expect(limit.allow('m7')).to.equal(true);
  });

  it('redacts the token and each of its three parts from every string of an event detail, then shortens it', () => {
    const token = 'eyJhbGciOiJSUzUxMiJ9.eyJleHAiOjF9.c2lnbmF0dXJl';
    const [header, claims, signature] = token.split('.');
    const detail = { code: 'unexpected', message: `Invalid ${token}; claims ${claims}; sig ${signature}; head ${header}`, recoverable: false, count: 3 };
    expect(redactDetail(detail, token)).to.deep.equal({
      code: 'unexpected',
      message: 'Invalid [token]; claims [token]; sig [token]; head [token]',
      recoverable: false,
      count: 3,
    });
    expect(detail.message, 'the original left as it was').to.contain(token);
    // Redacted before it is cut: a long message that quotes the token never shows a piece of it.
    const long = redactDetail({ message: `${'x'.repeat(295)} ${token}` }, token).message;
    expect(long).to.have.length(300);
    expect(long.endsWith('…')).to.equal(true);
    expect(long).not.to.contain('eyJ');
  });

  it('picks the environment from the attribute, else the token\'s claim, else production', () => {
    expect(resolveEnvironment('', undefined)).to.equal('production');
    expect(resolveEnvironment('', { environment: 'sandbox' })).to.equal('sandbox');
    expect(resolveEnvironment('', { environment: 'staging' })).to.equal('staging');
    expect(resolveEnvironment('', { environment: 'SANDBOX' })).to.equal('production');
    expect(resolveEnvironment('', { environment: 42 })).to.equal('production');
    expect(resolveEnvironment('staging', { environment: 'sandbox' })).to.equal('staging');
    expect(resolveEnvironment('production', { environment: 'sandbox' })).to.equal('production');
    expect(resolveEnvironment('elsewhere', { environment: 'sandbox' })).to.equal('sandbox');
  });
});
