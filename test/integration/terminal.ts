// A person at a real terminal, for the CLI's questions: the command runs on a pseudo-terminal
// (Python's pty module), each expected text on screen is answered with its reply, and the whole
// screen (stdout and stderr as the user sees them) and the exit code come back.
import { spawnSync } from 'node:child_process';

const driver = `
import json, os, pty, select, sys, time
script = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
screen = b''
def read(until, deadline):
    global screen
    while until is None or until.encode() not in screen:
        if time.time() > deadline: return False
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try: chunk = os.read(fd, 4096)
            except OSError: return until is None
            if not chunk: return until is None
            screen += chunk
    return True
for expect, reply in script:
    if not read(expect, time.time() + 30):
        os.kill(pid, 9); sys.stdout.write(screen.decode(errors='replace')); sys.exit(99)
    # Each expected text is consumed: the same prompt asked again is waited for anew.
    screen_seen = screen.index(expect.encode()) + len(expect)
    sys.stdout.write(screen[:screen_seen].decode(errors='replace')); screen = screen[screen_seen:]
    time.sleep(0.3)  # the CLI has turned echo off by now when it asks a secret
    os.write(fd, reply.encode())
read(None, time.time() + 60)
_, status = os.waitpid(pid, 0)
sys.stdout.write(screen.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** `command` on a pseudo-terminal; exit 99 when an expected text never showed (the screen says what did). */
export function onTerminal(command: string[], script: Array<[expect: string, reply: string]>, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; screen: string } {
  // A person, not a CI job: CI (set by CI services) would make the CLI ask nothing; a test may set it again.
  const run = spawnSync('python3', ['-c', driver, JSON.stringify(script), ...command], { encoding: 'utf8', cwd: options.cwd, env: { ...process.env, CI: '', ...options.env } });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, screen: run.stdout };
}
