import { readFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

/** Where an API's protos ship: the npm package and the proto file that declares its webhook messages. */
export interface ProtoSource {
  /** npm package shipping the protos under build/protos. */
  packageName: string;
  /** Import path of the file declaring the webhook messages (its imports are followed). */
  entryFile: string;
}

/** Name and version of a package in node_modules, for the provenance line of generated files. */
export function packageVersion(nodeModules: string, packageName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(nodeModules, packageName, 'package.json'), 'utf8')) as { version: string };
  return `${packageName}@${manifest.version}`;
}

/**
 * Parses the entry proto and its imports with comments kept. Dialogflow files come from the
 * package itself; google/api, google/rpc, google/type and descriptor.proto from google-gax,
 * which the Dialogflow packages depend on. protobufjs brings its own copy of the other
 * well-known types (struct.proto...).
 */
export function loadProtos(nodeModules: string, source: ProtoSource): protobuf.Root {
  const packageProtos = path.join(nodeModules, source.packageName, 'build', 'protos');
  const gaxProtos = path.join(nodeModules, 'google-gax', 'build', 'protos');
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    if (path.isAbsolute(target)) return target;
    return path.join(target.startsWith('google/cloud/') ? packageProtos : gaxProtos, target);
  };
  root.loadSync(source.entryFile, { keepCase: true, alternateCommentMode: true });
  root.resolveAll();
  return root;
}
