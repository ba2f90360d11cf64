import { X509Certificate } from 'node:crypto';

/**
 * Offline chain check used only for signers whose certificate has expired without a trusted timestamp: c2pa-rs
 * then reports `signingCredential.expired` and stops, so it cannot tell an expired certificate of a listed
 * vendor from an expired self-signed one. Here we check the signature chain (ignoring validity dates) from the
 * signing certificate embedded in the file to an anchor, or the certificate's presence on the allowed list.
 */

export interface ChainCheck {
  chained: boolean;
  /** 'anchor' when a chain to an anchor verified; 'allowed' when the leaf is on the allowed list. */
  via: 'anchor' | 'allowed' | null;
  leaf: { subject: string; issuer: string; valid_to: string; serial: string } | null;
  anchor: string | null;
  reason: string;
}

export function parsePemList(pem: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)) {
    try {
      out.push(new X509Certificate(m[0]));
    } catch {
      /* skip unreadable entries */
    }
  }
  return out;
}

function cnOf(c: X509Certificate): string | null {
  const m = /(?:^|\n)CN=([^\n]*)/.exec(c.subject);
  return m ? m[1].trim() : null;
}

function serialDecimal(c: X509Certificate): string {
  try {
    return BigInt('0x' + c.serialNumber).toString(10);
  } catch {
    return '';
  }
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/**
 * Does the signing certificate (found among `embedded` by common name and serial number) chain to one of `anchors`
 * or appear in `allowed`? Validity dates are deliberately not checked; signatures are.
 */
export function checkExpiredSignerChain(
  signer: { common_name: string | null; serial: string | null },
  embeddedPem: string[],
  anchors: X509Certificate[],
  allowed: X509Certificate[],
): ChainCheck {
  const embedded = embeddedPem.map((p) => new X509Certificate(p));
  const leaf =
    embedded.find((c) => signer.serial && serialDecimal(c) === signer.serial) ??
    embedded.find((c) => signer.common_name !== null && cnOf(c) === signer.common_name) ??
    null;
  if (!leaf) return { chained: false, via: null, leaf: null, anchor: null, reason: 'the signing certificate was not found in the file' };
  const leafInfo = { subject: leaf.subject.replace(/\n/g, ', '), issuer: leaf.issuer.replace(/\n/g, ', '), valid_to: leaf.validTo, serial: serialDecimal(leaf) };
  if (allowed.some((a) => a.fingerprint256 === leaf.fingerprint256)) {
    return { chained: true, via: 'allowed', leaf: leafInfo, anchor: null, reason: 'the signing certificate is on the allowed list' };
  }
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  let cur = leaf;
  const pool = [...embedded, ...anchors];
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((a) => issuedBy(cur, a));
    if (anchor) return { chained: true, via: 'anchor', leaf: leafInfo, anchor: anchor.subject.replace(/\n/g, ', '), reason: 'the chain verifies to a loaded trust anchor' };
    if (anchorPrints.has(cur.fingerprint256)) return { chained: true, via: 'anchor', leaf: leafInfo, anchor: cur.subject.replace(/\n/g, ', '), reason: 'the chain verifies to a loaded trust anchor' };
    const parent = pool.find((p) => p.fingerprint256 !== cur.fingerprint256 && issuedBy(cur, p));
    if (!parent) break;
    cur = parent;
  }
  const self = issuedBy(leaf, leaf);
  return { chained: false, via: null, leaf: leafInfo, anchor: null, reason: self ? 'the signing certificate is self-signed' : 'no chain to a loaded trust anchor' };
}
