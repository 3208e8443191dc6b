// Evidence files in the browser: download one for a record from the node
// (`evidence_bundle`), and check one with the GovChain verifier compiled to WebAssembly
// (evidence/wasm: the same checks as the `govchain-verify` command), trusting only a
// checkpoint — the one published with this site, or a file the person chooses. Nothing
// is sent anywhere to check a file.

import { send } from './chain';
import { checkpointUrl } from './config';
import { checkBundle as check, type EvidenceVerdict } from '../../shared/evidence-wasm.mjs';

export type { EvidenceVerdict } from '../../shared/evidence-wasm.mjs';

/** A checkpoint's summary, to show what the check trusts. */
export interface CheckpointInfo { text: string; genesis: string; setId: number; authorities: number }

let compiled: Promise<WebAssembly.Module> | null = null;
const verifier = () => {
  compiled ??= fetch(new URL('../govchain-verify.wasm', document.baseURI))
    .then((r) => { if (!r.ok) throw new Error(`verifier: HTTP ${r.status}`); return r.arrayBuffer(); })
    .then((b) => WebAssembly.compile(b));
  compiled.catch(() => { compiled = null; });
  return compiled;
};

/** Checks `bundle` against `checkpoint` (both the files' text) here, with the verifier. */
export async function checkBundle(bundle: string, checkpoint: string): Promise<EvidenceVerdict> {
  return check(await verifier(), bundle, checkpoint);
}

/** Reads a checkpoint's summary; `null` if the text is not a GovChain checkpoint. */
export function checkpointInfo(text: string): CheckpointInfo | null {
  try {
    const c = JSON.parse(text);
    if (c?.format !== 'govchain-checkpoint/1' || !Array.isArray(c.authorities)) return null;
    return { text, genesis: String(c.genesisHash), setId: Number(c.setId), authorities: c.authorities.length };
  } catch {
    return null;
  }
}

/** The checkpoint published with this site (config.js `checkpoint`), or `null`. */
export async function publishedCheckpoint(): Promise<CheckpointInfo | null> {
  try {
    const r = await fetch(new URL(checkpointUrl(), document.baseURI), { cache: 'no-store' });
    return r.ok ? checkpointInfo(await r.text()) : null;
  } catch {
    return null;
  }
}

export type EvidenceKind = 'licence' | 'work' | 'enterprise' | 'loan';

/** Asks the node for a record's evidence bundle and hands it to the browser to save. */
export async function downloadEvidence(kind: EvidenceKind, id: string): Promise<string> {
  const bundle = await send('evidence_bundle', [kind, id]);
  const text = JSON.stringify(bundle, null, 1);
  const name = `govchain-evidence-${kind}-${kind === 'work' ? id.slice(0, 18) : id}.json`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
