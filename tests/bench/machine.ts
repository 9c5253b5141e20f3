// A description of the machine the figures were measured on, for BENCHMARKS.md.

import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  chromium: string;
  date: string;
}

function cpuModel(): string {
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
    if (model) return model.trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

function osDescription(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty}, ${process.platform} ${process.arch}`;
  } catch {
    // No os-release: platform and arch are enough.
  }
  return `${process.platform} ${process.arch}`;
}

export function describeMachine(chromiumVersion: string): MachineDescription {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osDescription(),
    node: process.version,
    chromium: chromiumVersion,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
