declare module 'heic-decode' {
  const decode: (o: { buffer: Buffer | ArrayBuffer }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
  export default decode;
}
