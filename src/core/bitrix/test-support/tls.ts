// Throwaway certificates for HTTPS tests on loopback, and a way to make this test process trust one of them.
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

/** Adds the certificate to the CAs this process trusts (fetch included), for the rest of the test file. */
export function trustForThisProcess(certificate: Certificate): void {
  setDefaultCACertificates([...getCACertificates('default'), certificate.cert])
}
