// A throwaway certificate for the HTTPS demo portal (the official SDK refuses plain HTTP), trusted by this process
// only: both contenders then verify the portal's certificate the same way, through Node's default trust store.
import { getCACertificates, setDefaultCACertificates } from 'node:tls'
import { generate } from 'selfsigned'

export interface Certificate {
  key: string
  cert: string
}

export async function loopbackCertificate(): Promise<Certificate> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  return { key: pems.private, cert: pems.cert }
}

/** Adds the certificate to what this process trusts (fetch and node:https alike); other processes are untouched. */
export function trustInThisProcess(certificate: Certificate): void {
  setDefaultCACertificates([...getCACertificates('default'), certificate.cert])
}
