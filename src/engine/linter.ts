/**
 * Orchestration only: parse a file, run the enabled rules over each of its machines, apply
 * inline suppressions, and summarise. Parsing, reporting and suppressions live in their own modules.
 */
import type { ResolvedConfig } from '../config/types';
import type { AstNode, PropertyNode } from '../model/ast';
import { BatchQueries, batchMatchers, type BatchSettings } from '../model/batch';
import { traverse } from '../model/traverse';
import { parseSource, type SourceFile } from '../sources/parse-source';
import { fixRenderer } from '../sources/render-fix';
import type { ReportDescriptor, RuleModule, Visitors } from './define-rule';
import { applySuppressions, commentSuppressions } from './directives';
import { lintAndFix, type FixOptions } from './fix-loop';
import { compareMessages, detached, toMessage } from './report';
import { summarise, type LintMessage, type LintResult } from './types';

export interface LintOptions {
  /** The file was named on the command line (or is stdin): a file with no machine is reported, not skipped. */
  readonly explicit: boolean;
}

export class Linter {
  constructor(private readonly rules: Readonly<Record<string, RuleModule>>) {}

  /** Lints `text` as the content of `filePath`; undefined when a walked file holds no machine. */
  lintText(text: string, filePath: string, config: ResolvedConfig, options: LintOptions): LintResult | undefined {
    return this.lintSource(parseSource(text, filePath), config, options);
  }

  /**
   * Lints `text` and applies the fixes (the fix loop); the result describes the fixed text, which
   * is in `output` when it changed.
   */
  lintAndFixText(text: string, filePath: string, config: ResolvedConfig, options: LintOptions, fixOptions: FixOptions = {}): LintResult | undefined {
    return lintAndFix(text, filePath, (source) => this.lintSource(source, config, options), fixOptions);
  }

  /** Lints an already parsed file. */
  lintSource(source: SourceFile, config: ResolvedConfig, options: LintOptions): LintResult | undefined {
    const { filePath, lines } = source;
    const fatal = source.errors.map((error): LintMessage => {
      const at = lines.locate(error.offset);
      return { ruleId: null, severity: 2, fatal: true, message: `Parsing error: ${error.message}`, line: at.line, column: at.column };
    });
    if (source.machines.length === 0) {
      if (fatal.length > 0) return summarise(filePath, fatal, { source: source.text });
      if (!options.explicit) return undefined;
      return summarise(filePath, [noMachineMessage(source)], { source: source.text });
    }
    const located: { message: LintMessage; offset: number }[] = [];
    const renderFix = fixRenderer(source);
    const batch = new BatchQueries(batchMatchers(config.settings.batch as BatchSettings | undefined));
    for (const machine of source.machines) {
      const visitors: Visitors[] = [];
      for (const [ruleId, setting] of config.rules) {
        const rule = this.rules[ruleId];
        if (!rule) continue;
        const report = (descriptor: ReportDescriptor<string>) => {
          const entry = toMessage(ruleId, rule, setting.severity, descriptor, lines);
          // Like ESLint, a message carries its fix as one text edit, when the file's adapter can render it.
          if (descriptor.fix && !rule.meta.fixable) throw new Error(`Rule "${ruleId}" reported a fix but does not declare "meta.fixable".`);
          const fix = descriptor.fix && renderFix(machine, descriptor.fix);
          if (fix) entry.message.fix = { range: [fix.range[0], fix.range[1]], text: detached(fix.text) };
          located.push(entry);
        };
        const locate = (node: AstNode | PropertyNode) => lines.locate(node.range[0]);
        visitors.push(
          rule.create({ id: ruleId, options: setting.options, settings: config.settings, machine, template: source.template, batch, report, locate }),
        );
      }
      traverse(machine, visitors);
    }
    const { kept, suppressed } = applySuppressions(located, source.directives, commentSuppressions(source.machines));
    const messages = [...fatal, ...kept].sort(compareMessages);
    // The text is kept only where a formatter may print a code frame, so a large clean run stays small.
    const text = messages.length > 0 ? { source: source.text } : {};
    return summarise(filePath, messages, { suppressedMessages: suppressed.sort(compareMessages), ...text });
  }
}

function noMachineMessage(source: SourceFile): LintMessage {
  if (source.partial) {
    const at = source.lines.locate(source.partial.node.range[0]);
    return {
      ruleId: null,
      severity: 2,
      message: `Missing "${source.partial.missing}": a state machine needs both "StartAt" and "States".`,
      line: at.line,
      column: at.column,
    };
  }
  return { ruleId: null, severity: 1, message: 'No state machine found in this file.', line: 1, column: 1 };
}
