// Unit tests of the extension manifest: honest workspace-trust and virtual-workspace declarations, activation, settings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties as Record<string, { type: string; enum?: string[]; items?: { type: string; properties?: object } }>;

describe('extension manifest', () => {
  it('activates only on the languages it serves (and its commands, implicitly)', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:jsonl', 'workspaceContains:.newslens.json']);
  });

  it('supports untrusted workspaces, limited only in the settings that point at a file or folder', () => {
    // A setting that names a file, folder, command or program makes untrusted workspaces 'limited', with that
    // setting in restrictedConfigurations (VS Code then reads it from user settings only).
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, restricted.length ? 'limited' : true);
    for (const [key, schema] of Object.entries(settings)) {
      if (restricted.includes(key)) continue;
      assert.ok(!/path|file|folder|dir|command|exec|program|script/i.test(key), `${key} looks like it points outside the document`);
      // A string only where it names a field of a JSONL record or is one of a closed set (an enum), never a path or a command.
      const allowed = key === 'newsLens.jsonl.textField' || Array.isArray(schema.enum) ? ['string'] : ['boolean', 'number', 'array', 'object'];
      assert.ok(allowed.includes(schema.type), `${key} has type ${schema.type}`);
    }
    assert.deepEqual(restricted, ['newsLens.gold.folder']);
  });

  it('declares virtual-workspace support: the server reads documents through LSP, never from disk', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
    const serverSources = fs.readdirSync(path.join(__dirname, '..', '..', 'src', 'server'));
    for (const file of serverSources) {
      const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'server', file), 'utf8');
      // The workspace scan reads the workspace's folders on disk (file: folders only), when the user asks for it.
      if (/^workspace-scan/.test(file)) continue;
      if (file === 'start.ts') {
        // The starter reads only its own bundle and V8's compile cache (temp directory), and knows no documents.
        assert.ok(!/from '\.\/|languageserver/.test(source), 'start.ts must stay a loader: no server modules');
        continue;
      }
      assert.ok(!/from 'node:fs(\/promises)?'|require\('fs'\)|from 'fs(\/promises)?'/.test(source), `${file} reads the file system`);
    }
  });

  it('gives every setting a description and a default', () => {
    for (const [key, schema] of Object.entries(settings)) {
      assert.ok((schema as { description?: string }).description, `${key} has no description`);
      assert.ok('default' in schema, `${key} has no default`);
    }
  });
});
