// Signing and sending a transaction from the console: its progress (signed → in a block
// → finalized) reported as it happens, and every refusal turned into a sentence.

import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer } from '@polkadot/types/types';
import { errorSentence } from './console-i18n';

/** Who signs: a development key (development chains only) or an extension's account. */
export interface Account {
  address: string;
  name: string;
  source: 'development' | string;
  pair?: KeyringPair;
  signer?: Signer;
}

export type Stage = 'signing' | 'signed' | 'inBlock' | 'finalized';

export interface Included {
  block: string;
  events: { section: string; method: string; data: Record<string, unknown> }[];
}

/** A refusal, by the chain or the transaction pool, already in words. */
export class Refused extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The sentence for a dispatch error: known ones in the page's language, any other by
 * the runtime's own documentation of it. Never a raw `Module { index, error }`. */
export function refusal(api: ApiPromise, err: any): Refused {
  if (err.isModule) {
    const m = api.registry.findMetaError(err.asModule);
    const key = `${m.section}.${m.name}`;
    return new Refused(key, errorSentence(key, m.docs.join(' ').trim()));
  }
  if (err.isToken) return new Refused(`token.${err.asToken.type}`, errorSentence(`token.${err.asToken.type}`, ''));
  const key = err.type ?? String(err);
  return new Refused(key, errorSentence(key, ''));
}

/** A pool refusal (`1010: Invalid Transaction: …`) in words. */
function poolRefusal(e: Error): Refused {
  const text = e.message;
  console.warn(`GovChain: the node refused a transaction: ${text}`);
  if (/Inability to pay some fees|balance too low/i.test(text)) return new Refused('pool.Payment', errorSentence('pool.Payment', text));
  if (/outdated|stale|Priority is too low/i.test(text)) return new Refused('pool.Stale', errorSentence('pool.Stale', text));
  if (/Cancelled|Rejected by user|rejected/i.test(text)) return new Refused('signer.Cancelled', errorSentence('signer.Cancelled', text));
  return new Refused('pool.Invalid', errorSentence('pool.Invalid', text));
}

/** Refusals that leave nothing applied and clear on a fresh nonce: the same account
 * signed elsewhere at the same moment (another tab, another clerk). */
const NONCE_CLASH = ['pool.Stale', 'pool.Dropped'];

/**
 * Signs `tx` as `who` and sends it (again, up to twice more, when another transaction of
 * the same account took its nonce: then with the next nonce free, never one the pool
 * already holds for this account); `onStage` hears each step. Resolves once the block
 * holding it is finalized with its events; rejects with a `Refused` whose message is a
 * sentence when the chain, the pool or the signer says no.
 */
export async function submit(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, who: Account, onStage: (s: Stage, block?: string) => void): Promise<Included> {
  let floor = 0; // the lowest nonce a retry may use: past the one another transaction took
  for (let attempt = 1; ; attempt++) {
    const t = attempt === 1 ? tx : api.tx(tx.method as any);
    let nonce: number | undefined;
    if (attempt > 1) nonce = Math.max(floor, ((await api.rpc.system.accountNextIndex(who.address)) as any).toNumber());
    try {
      return await send(api, t, who, onStage, { nonce }).final;
    } catch (e) {
      if (!(e instanceof Refused) || !NONCE_CLASH.includes(e.key) || attempt >= 3) throw e;
      if (t.isSigned) floor = Math.max(floor, t.nonce.toNumber() + 1);
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
    }
  }
}

/** A transaction handed to the node: `accepted` once the pool took it, `final` once the
 * block holding it is finalized (both reject with a `Refused`); `nonce` once signed. */
export interface Sent {
  accepted: Promise<void>;
  final: Promise<Included>;
  nonce: () => number | null;
}

/**
 * Signs `tx` as `who` (with `nonce` when given, else the account's next) and sends it
 * once; `onStage` hears each step. A dispatch error rejects `final` as soon as the block
 * holding it is known, or with `refuseAt: 'finalized'` only once that block is final
 * (so that a refusal is as sure as a success).
 */
export function send(api: ApiPromise, tx: SubmittableExtrinsic<'promise'>, who: Account, onStage: (s: Stage, block?: string) => void,
  opts: { nonce?: number; refuseAt?: 'inBlock' | 'finalized' } = {}): Sent {
  let accept!: () => void, refuse!: (e: Refused) => void;
  const accepted = new Promise<void>((res, rej) => { accept = res; refuse = rej; });
  accepted.catch(() => {}); // a caller may wait for `final` only
  const final = new Promise<Included>((resolve, reject) => {
    let unsub: (() => void) | null = null;
    let inBlock: Included | null = null;
    let ended = false;
    const done = (f: () => void) => { if (ended) return; ended = true; if (unsub) unsub(); f(); };
    onStage('signing');
    const signer = who.pair ?? who.address;
    const options: Record<string, unknown> = who.pair ? {} : { signer: who.signer };
    if (opts.nonce !== undefined) options.nonce = opts.nonce;
    tx.signAndSend(signer as any, options, (result: any) => {
      const { status, events, dispatchError } = result;
      if (status.isReady || status.isBroadcast) onStage('signed');
      if (status.isInBlock) {
        if (dispatchError && opts.refuseAt !== 'finalized') { done(() => reject(refusal(api, dispatchError))); return; }
        inBlock = {
          block: status.asInBlock.toHex(),
          events: events.map(({ event }: any) => ({ section: event.section, method: event.method, data: event.data.toJSON ? named(event) : {} })),
        };
        onStage('inBlock', inBlock.block);
      }
      if (status.isFinalized) {
        if (dispatchError) { done(() => reject(refusal(api, dispatchError))); return; }
        const result2 = inBlock ?? { block: status.asFinalized.toHex(), events: events.map(({ event }: any) => ({ section: event.section, method: event.method, data: named(event) })) };
        onStage('finalized', status.asFinalized.toHex());
        done(() => resolve({ ...result2, block: status.asFinalized.toHex() }));
      }
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        console.warn(`GovChain: the pool dropped a transaction: ${status.type}`);
        done(() => reject(new Refused('pool.Dropped', errorSentence('pool.Dropped', status.type))));
      }
    }).then((u) => { accept(); if (ended) u(); else unsub = u; }, (e: Error) => {
      const r = e instanceof Refused ? e : poolRefusal(e);
      refuse(r);
      done(() => reject(r));
    });
  });
  return { accepted, final, nonce: () => (tx.isSigned ? tx.nonce.toNumber() : null) };
}

/** An event's fields by name (`{ id: 3, holder: … }`). */
function named(event: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names: string[] = event.meta.fields.map((f: any) => (f.name.isSome ? f.name.unwrap().toString() : ''));
  event.data.forEach((v: any, i: number) => { out[names[i] || String(i)] = v.toJSON(); });
  return out;
}

/** The first event `section.method` of an included transaction, or undefined. */
export const eventOf = (r: Included, section: string, method: string) =>
  r.events.find((e) => e.section === section && e.method === method)?.data;
