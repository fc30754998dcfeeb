import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A copy of the built site with its own `data/` folder, served by scripts/serve.mjs on its own port:
 * the web server a ministry runs, whose published folder a test may fill, replace or break.
 */
export interface Site {
	url: string;
	dataDir: string;
	/** Put a published folder's files into the served data/ folder (replacing what was there). */
	publish(folder: string): void;
	clear(): void;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((done) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => done(port));
		});
	});
}

export async function startSite(buildDir = 'build'): Promise<Site> {
	const build = resolve(buildDir);
	const dir = mkdtempSync(join(tmpdir(), 'kov-site-'));
	// A copy, not links: the site under test stays whole even if build/ is rebuilt meanwhile.
	for (const entry of readdirSync(build)) {
		if (entry !== 'data') cpSync(join(build, entry), join(dir, entry), { recursive: true });
	}
	const dataDir = join(dir, 'data');
	mkdirSync(dataDir);
	const port = await freePort();
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', dir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((done, fail) => {
		server.stdout?.once('data', () => done());
		server.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
	});
	const clear = () => {
		rmSync(dataDir, { recursive: true, force: true });
		mkdirSync(dataDir);
	};
	return {
		url: `http://localhost:${port}`,
		dataDir,
		publish(folder) {
			clear();
			cpSync(folder, dataDir, { recursive: true });
		},
		clear,
		async stop() {
			server.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
