// Read-only queries of the public page, through the runtime APIs every GovChain node
// serves. @polkadot/api is imported on first use, so it is not in the page's first load.

import type { ApiPromise } from '@polkadot/api';
import { rpcEndpoint } from './config';

let connecting: Promise<ApiPromise> | null = null;
let provider: { send(method: string, params: unknown[], cacheable?: boolean): Promise<unknown> } | null = null;

/** One connection per page, opened on first use; refused after 15 s without an answer. */
export function api(): Promise<ApiPromise> {
  if (!connecting) {
    connecting = (async () => {
      const { ApiPromise, WsProvider } = await import('@polkadot/api');
      const ws = new WsProvider(rpcEndpoint(), 2_000, {}, 15_000);
      provider = ws;
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('unreachable')), 15_000));
      const created = await Promise.race([ApiPromise.create({ provider: ws, noInitWarn: true }), timeout]);
      // A runtime upgrade drops the runtime APIs from a live connection (@polkadot/api
      // reloads metadata v14 only): open a new one when the version changes.
      const spec = created.runtimeVersion.specVersion.toNumber();
      created.rpc.state.subscribeRuntimeVersion((v) => {
        if (v.specVersion.toNumber() !== spec) connecting = null;
      });
      return created;
    })();
    connecting.catch(() => { connecting = null; });
  }
  return connecting;
}

/** Calls a node RPC method that @polkadot/api does not decorate (e.g. `evidence_bundle`). */
export async function send(method: string, params: unknown[]): Promise<unknown> {
  await api();
  if (!provider) throw new Error('unreachable');
  return provider.send(method, params, false);
}

/** A byte string from the chain as UTF-8 text. */
export const text = (bytes: { toU8a(bare: boolean): Uint8Array }) => new TextDecoder().decode(bytes.toU8a(true));
/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

export interface Holder { kind: 'Enterprise' | 'Person' | 'Account'; value: string }
const holderOf = (h: Codec): Holder => {
  if (h.isEnterprise) return { kind: 'Enterprise', value: text(h.asEnterprise) };
  if (h.isPerson) return { kind: 'Person', value: h.asPerson.toHex() };
  return { kind: 'Account', value: h.asAccount.toString() };
};

async function agencyName(a: ApiPromise, id: number): Promise<string> {
  const agency: Codec = await a.call.consortiumApi.agency(id);
  return agency.isSome ? text(agency.unwrap().name) : `#${id}`;
}

export interface LicenceView {
  id: number;
  typeCode: string;
  typeName: string;
  typeRegion: number;
  holderKind: string;
  holder: Holder;
  issuer: string;
  validFrom: number;
  validUntil: number | null;
  status: string;
  issuedAt: number;
  lastChange: { action: string; reason: number; block: number; time: number; agency: string | null } | null;
  record: { index: number; action: string; reason: number; block: number; time: number; agency: string | null }[];
  content: string;
}

/** Licence `id` with its type, issuer and management record, or null if there is none. */
export async function licence(id: number): Promise<LicenceView | null> {
  const a = await api();
  const found: Codec = await a.call.licensesApi.license(id);
  if (found.isNone) return null;
  const l = found.unwrap();
  const typeId = l.licenseType.toNumber();
  const [type, issuer, record]: Codec[] = await Promise.all([
    a.call.licensesApi.licenseType(typeId),
    agencyName(a, l.issuer.toNumber()),
    a.call.licensesApi.managementRecord(id, Math.max(0, l.changes.toNumber() - 20), 20),
  ]);
  const t = type.unwrap();
  const entries = await Promise.all(record.map(async ([index, r]: Codec[]) => ({
    index: index.toNumber(),
    action: r.action.toString(),
    reason: r.reason.toNumber(),
    block: r.block.toNumber(),
    time: r.time.toNumber(),
    agency: r.agency.isSome ? await agencyName(a, r.agency.unwrap().toNumber()) : null,
  })));
  return {
    id,
    typeCode: text(t.code),
    typeName: text(t.name),
    typeRegion: t.region.toNumber(),
    holderKind: t.holderKind.toString(),
    holder: holderOf(l.holder),
    issuer,
    validFrom: l.validFrom.toNumber(),
    validUntil: l.validUntil.isSome ? l.validUntil.unwrap().toNumber() : null,
    status: l.status.toString(),
    issuedAt: l.issuedAt.toNumber(),
    lastChange: entries.length ? entries[entries.length - 1] : null,
    record: entries,
    content: l.content.toHex(),
  };
}

export type Verdict = { kind: 'recognised'; via: number | null } | { kind: 'notRecognised' } | { kind: 'invalid'; reason: string };

/** Whether licence `id` is valid now and accepted in `region` (GB/T 2260). */
export async function verify(id: number, region: number): Promise<Verdict> {
  const a = await api();
  const v: Codec = await a.call.licensesApi.verify(id, region, null);
  if (v.isValidRecognised) {
    const via = v.asValidRecognised.via;
    return { kind: 'recognised', via: via.isSome ? via.unwrap().toNumber() : null };
  }
  if (v.isValidNotRecognised) return { kind: 'notRecognised' };
  return { kind: 'invalid', reason: v.asInvalid.reason.toString() };
}

export interface WorkView {
  hash: string;
  title: string;
  category: string;
  depositor: string;
  block: number;
  time: number;
  extrinsic: number;
  registration: { kind: string; number?: number; office?: string };
  frozen: boolean;
  holder: Holder;
}

/** The work deposited with content hash `hash`, or null. */
export async function work(hash: string): Promise<WorkView | null> {
  const a = await api();
  const found: Codec = await a.call.copyrightApi.work(hash);
  if (found.isNone) return null;
  const w = found.unwrap();
  const r = w.registration;
  const registration = r.isRegistered
    ? { kind: 'Registered', number: r.asRegistered.number.toNumber(), office: await agencyName(a, r.asRegistered.office.toNumber()) }
    : { kind: r.type as string };
  return {
    hash,
    title: text(w.title),
    category: w.category.toString(),
    depositor: w.depositor.toString(),
    block: w.deposited.block.toNumber(),
    time: w.deposited.time.toNumber(),
    extrinsic: w.deposited.extrinsicIndex.toNumber(),
    registration,
    frozen: w.frozen.isSome,
    holder: holderOf(w.holder),
  };
}

export interface EnterpriseView {
  uscc: string;
  name: string;
  entityType: string;
  region: number;
  status: string;
  authority: string;
  license: number;
  established: number;
  version: number;
  history: { index: number; change: string; block: number; time: number }[];
}

/** The enterprise with code `uscc` and the last entries of its history, or null. */
export async function enterprise(uscc: string): Promise<EnterpriseView | null> {
  const a = await api();
  const found: Codec = await a.call.enterprisesApi.enterprise(uscc);
  if (found.isNone) return null;
  const e = found.unwrap();
  const changes = e.changes.toNumber();
  const history: Codec = await a.call.enterprisesApi.history(uscc, Math.max(0, changes - 20), 20);
  return {
    uscc,
    name: text(e.profile.name),
    entityType: e.profile.entityType.toString(),
    region: e.profile.region.toNumber(),
    status: e.status.toString(),
    authority: await agencyName(a, e.authority.toNumber()),
    license: e.license.toNumber(),
    established: e.establishedTime.toNumber(),
    version: e.version.toNumber(),
    history: history.map(([index, entry]: Codec[]) => ({
      index: index.toNumber(),
      change: entry.change.type as string,
      block: entry.block.toNumber(),
      time: entry.time.toNumber(),
    })),
  };
}

/** blake2-256 of a file's bytes, computed here: the file is never sent. */
export async function hashFile(file: File): Promise<string> {
  const { blake2AsHex } = await import('@polkadot/util-crypto');
  return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
}
