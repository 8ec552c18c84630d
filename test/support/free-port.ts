import { createServer, type AddressInfo } from 'node:net';

/** A port nobody is listening on, for servers that cannot be told to pick one (Socket Mode's, PostgreSQL's). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
