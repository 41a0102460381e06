/** Options of `check` and `checkFiles`. Any other key throws an Error. */
export interface CheckOptions {
  /** Language of messages, help and notes (default "en"; "ja-JP" and the like are accepted). */
  lang?: "en" | "ja" | string;
  /** corosync version to check against: "1", "2", "3", "3.1" or a release such as "3.1.7".
   *  Default: inferred from the text. */
  target?: string;
  /** Opt-in rule profile (codes T1xx). */
  profile?: "trento" | "trento-azure" | "trento-aws" | "trento-gcp";
  /** `check` only: the file name the text is shown under (default "input"); it also helps
   *  detection ("service.d/pcmk", "cluster.conf", "corosync.log"). */
  path?: string;
}

/** One file for `checkFiles`. */
export interface CheckFile {
  name: string;
  text: string;
}

export type Severity = "error" | "warning" | "info";

/** A place in a file: 1-based line and column (columns count Unicode characters). */
export interface Position {
  line: number;
  column: number;
}

export interface Edit extends Position {
  end_line: number;
  end_column: number;
  /** Byte offsets into the file's UTF-8 text: replace start..end with `replacement`. */
  start: number;
  end: number;
  /** The same range in UTF-16 code units (JavaScript string indices). */
  start_utf16: number;
  end_utf16: number;
  replacement: string;
}

export interface Diagnostic extends Position {
  /** Stable code, e.g. "C501", "E003", "L001". */
  code: string;
  severity: Severity;
  /** The file name (`options.path` or the `name` given to checkFiles). */
  path: string;
  /** 1-based position just past the end of the finding. */
  end_line: number;
  end_column: number;
  /** Byte offsets of the finding in the file's UTF-8 text. */
  start: number;
  end: number;
  /** The same range in UTF-16 code units: `text.slice(start_utf16, end_utf16)`. */
  start_utf16: number;
  end_utf16: number;
  /** One line: what is wrong, with the key and value. */
  message: string;
  /** What to do, starting with a verb. */
  help: string | null;
  /** Always null here (the long explanations are left out of this build, as on the page). */
  explanation: string | null;
  fix: { title: string; edits: Edit[] } | null;
  /** Other places that matter (a log line a config line causes, ...). */
  related: { path: string; line: number; column: number; note: string }[];
}

export interface Document {
  kind: string;
  line: number;
  end_line: number;
  corosync: string | null;
  evidence: string[];
  lines_restored: number | null;
}

/** The object `corocheck check --format json` prints for the same input. */
export interface CheckResult {
  tool: "corocheck";
  version: string;
  lang: "en" | "ja";
  /** The pin asked for in `options.target` ("3.x", "3.1.7", ...), else null. */
  target: string | null;
  summary: { errors: number; warnings: number; infos: number };
  /** Sorted by file, position and code. */
  diagnostics: Diagnostic[];
  files: { path: string; documents: Document[] }[];
  facts: {
    corosync: string | null;
    pacemaker: string | null;
    distribution: string | null;
    stack: string | null;
  };
  roles: {
    headline: string;
    components: {
      id: string;
      name: string;
      version: string | null;
      presence: string;
      role: string;
      reads: string;
      here: string;
    }[];
    choices: {
      id: string;
      recommended: boolean;
      title: string;
      steps: string[];
      consequence: string;
    }[];
  };
  migrations: {
    path: string;
    from: string;
    to: string;
    steps: { line: number; column: number; text: string }[];
  }[];
  cluster_conf: {
    path: string;
    summary: string[];
    corosync_conf: string | null;
    pcs_script: string | null;
  }[];
  /** Log records correlated into incidents, in time order (README, "JSON output"). */
  incidents: {
    kind: string;
    kind_text: string;
    /** Milliseconds since 1970 UTC (a printed zone applied, a time without one read as UTC, a missing year inferred: see the README). */
    start: number;
    end: number;
    nodes: string[];
    culprit: string | null;
    cause: string;
    steps: {
      time: number;
      timestamp: string | null;
      node: string | null;
      code: string;
      kb: string;
      stage: string;
      severity: "error" | "warning" | "info";
      path: string;
      line: number;
      /** Index into `records`. */
      record: number;
      evidence: boolean;
    }[];
    patterns: {
      kind: string;
      node: string | null;
      count: number;
      threshold: number;
      records: number[];
      text: string;
    }[];
  }[];
  records: {
    path: string;
    line: number;
    timestamp: string | null;
    host: string | null;
    daemon: string | null;
    subsystem: string | null;
    level: string | null;
    kb: string | null;
  }[];
}

/** Check one text. Throws an Error for bad options; never for bad text. */
export function check(text: string, options?: CheckOptions): CheckResult;

/** Check several files together (a config and its logs explain each other). */
export function checkFiles(files: CheckFile[], options?: CheckOptions): CheckResult;

/** A short interface text from corocheck's catalog, used by corocheck-embed.js:
 *  "severity.error" | "severity.warning" | "severity.info" or a "ui.*" key. */
export function uiText(key: string, lang: string): string;
