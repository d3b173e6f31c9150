/**
 * Webhook inputs a framework or a typo hands over: `tolerance: NaN` turned the replay check off (a
 * ten-minute-old event passed), and a null body, null headers or a body already parsed by a
 * framework threw TypeError/RangeError, which a handler that answers 400 to
 * TelnyxWebhookVerificationError and rethrows the rest turned into a 500. Every entry point is
 * covered: `client.webhooks.unwrap` (both call shapes), `unwrapAsync`, and `telnyx/lib/webhooks`'
 * `TelnyxWebhook` and `unwrapWebhook`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TelnyxError, TelnyxWebhookVerificationError } from '../../../templates/typescript/runtime/error.ts';
import {
  TelnyxWebhook,
  unwrapWebhook,
  Webhooks,
  type WebhookBody,
  type WebhookHeaders,
} from '../../../templates/typescript/runtime/webhooks.ts';

const NOW_S = 1_767_225_600;
const realNow = Date.now;
const body = JSON.stringify({
  data: { event_type: 'call.answered', payload: { call_control_id: 'v3:abc' } },
});

let privateKey: CryptoKey;
let publicKey: string;
beforeAll(async () => {
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  privateKey = keys.privateKey;
  publicKey = Buffer.from(await crypto.subtle.exportKey('raw', keys.publicKey)).toString('base64');
});

async function signedAt(timestamp: number): Promise<Record<string, string>> {
  const message = new TextEncoder().encode(`${timestamp}|${body}`);
  const signature = Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, message));
  return { 'telnyx-signature-ed25519': signature.toString('base64'), 'telnyx-timestamp': String(timestamp) };
}

/** One way to verify: resolves to the event or rejects (sync throws become rejections here). */
type Entry = (body: WebhookBody, headers: WebhookHeaders, tolerance?: number) => Promise<unknown>;

// The entry points read the real clock; the signatures below are made relative to it.
const ENTRIES: Array<[string, Entry]> = [
  [
    'client.webhooks.unwrap(body, { headers, key })',
    async (b, h, tolerance) => new Webhooks().unwrap(b, { headers: h, key: publicKey, tolerance }),
  ],
  [
    'client.webhooks.unwrap(body, headers, options)',
    async (b, h, tolerance) => new Webhooks(() => publicKey).unwrap(b, h, { tolerance }),
  ],
  [
    'client.webhooks.unwrapAsync',
    (b, h, tolerance) => new Webhooks().unwrapAsync(b, { headers: h, key: publicKey, tolerance }),
  ],
  [
    'lib/webhooks TelnyxWebhook.verify',
    async (b, h, tolerance) => new TelnyxWebhook(publicKey, { tolerance }).verify(b, h),
  ],
  [
    'lib/webhooks unwrapWebhook',
    (b, h, tolerance) => unwrapWebhook(b, { headers: h, key: publicKey, tolerance }),
  ],
];

const nowS = () => Math.floor(realNow() / 1000);

describe.each(ENTRIES)('%s', (_name, verify) => {
  it('accepts a fresh, valid webhook (the baseline the cases below differ from)', async () => {
    await expect(verify(body, await signedAt(nowS()))).resolves.not.toBeInstanceOf(Error);
  });

  it.each([NaN, -1, Infinity, -Infinity, '300' as unknown as number])(
    'tolerance %s is an invalid option (TelnyxError), not a disabled replay check',
    async (tolerance) => {
      const tenMinutesOld = await signedAt(nowS() - 600);
      const error = await verify(body, tenMinutesOld, tolerance).then(
        () => 'accepted',
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TelnyxError);
      expect(error).not.toBeInstanceOf(TelnyxWebhookVerificationError);
      expect((error as Error).message).toMatch(/tolerance must be a finite number of seconds >= 0/);
    },
  );

  it('a ten-minute-old event is still refused with the default tolerance', async () => {
    await expect(verify(body, await signedAt(nowS() - 600))).rejects.toThrow(/beyond the 300 s tolerance/);
  });

  it.each<[string, () => Promise<[unknown, unknown]>, RegExp]>([
    [
      'a null body',
      async () => [null, await signedAt(nowS())],
      /raw request body as text or bytes, got null/,
    ],
    ['an undefined body', async () => [undefined, await signedAt(nowS())], /got undefined/],
    [
      'a body already parsed (an object)',
      async () => [JSON.parse(body), await signedAt(nowS())],
      /got object/,
    ],
    ['a number as the body', async () => [42, await signedAt(nowS())], /got number/],
    ['null headers', async () => [body, null], /No headers given/],
    ['undefined headers', async () => [body, undefined], /No headers given/],
    [
      'headers that are a string',
      async () => [body, 'telnyx-timestamp: 1'],
      /No headers given \(got string\)/,
    ],
  ])('%s: TelnyxWebhookVerificationError, not TypeError', async (_case, make, want) => {
    const [b, h] = await make();
    const error = await verify(b as WebhookBody, h as WebhookHeaders).then(
      () => 'accepted',
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TelnyxWebhookVerificationError);
    expect((error as Error).message).toMatch(want);
  });
});

describe('a bad tolerance fails where it is configured', () => {
  it('TelnyxWebhook: at construction', () => {
    expect(() => new TelnyxWebhook(publicKey, { tolerance: NaN })).toThrow(TelnyxError);
  });

  it('0 is a valid (strict) tolerance', async () => {
    const headers = await signedAt(NOW_S);
    const event = new Webhooks().unwrap(body, headers, { publicKey, tolerance: 0, now: () => NOW_S * 1000 });
    expect(event).toEqual(JSON.parse(body));
  });
});
