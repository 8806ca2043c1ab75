/**
 * Where the archive's repository lives, for links a reader can follow to correct a page or send
 * a document: a commit ("xem thay đổi"), CONTRIBUTING.md, a new issue. Taken from REPO_URL when
 * set, else from the checkout's `origin` remote (a GitHub/GitLab https or ssh address); none
 * when neither gives a web address, and pages then point to the archive's own help page.
 */
import { execFileSync } from 'node:child_process';

/** "git@github.com:o/r.git", "https://github.com/o/r.git" -> "https://github.com/o/r"; else null. */
export function webUrlOfRemote(remote: string): string | null {
  const r = remote.trim();
  let m = /^git@([\w.-]+):([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(r);
  if (m) return `https://${m[1]}/${m[2]}`;
  m = /^(?:ssh:\/\/git@|https?:\/\/(?:[^@/]+@)?)([\w.-]+)\/([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(r);
  if (m) return `https://${m[1]}/${m[2]}`;
  return null;
}

let cached: string | null | undefined;

export function repositoryUrl(): string | null {
  if (cached !== undefined) return cached;
  const env = process.env.REPO_URL?.trim();
  if (env) return (cached = env.replace(/\/+$/, ''));
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    cached = webUrlOfRemote(remote);
  } catch {
    cached = null;
  }
  return cached;
}

export interface RepositoryLinks {
  commit(hash: string): string | null;
  contributing: string | null;
  newIssue(title: string, body: string): string | null;
}

export function repositoryLinks(repo: string | null = repositoryUrl()): RepositoryLinks {
  return {
    commit: (hash) => (repo ? `${repo}/commit/${hash}` : null),
    contributing: repo ? `${repo}/blob/main/CONTRIBUTING.md` : null,
    newIssue: (title, body) =>
      repo ? `${repo}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}` : null,
  };
}
