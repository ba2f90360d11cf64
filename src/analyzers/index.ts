import type { Config } from '../config/config.js';
import type { Analyzer, AnalyzerDeps, AnalyzerFactory, ClaimChecker, ClaimCheckerFactory } from './analyzer.js';
import { CaptionAnalyzer } from './caption/caption.analyzer.js';
import { KbClaimChecker } from './kb/kb-claims.checker.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import { PlaceTimeChecker } from './placetime/place-time.checker.js';
import { MetadataAnalyzer } from './metadata/metadata.analyzer.js';
import { OcrAnalyzer } from './ocr/ocr.analyzer.js';
import { DuplicateClaimMerger } from './ocr/burned-text.claims.js';
import { createScamAnalyzer, type ScamDeskPort } from './scam/scam.analyzer.js';
import { createMatchAnalyzer } from './match/match.analyzer.js';
import { createC2paAnalyzer } from './c2pa/c2pa.analyzer.js';

export type { AnalyzerDeps, AnalyzerFactory, ClaimCheckerFactory } from './analyzer.js';

/**
 * The analyzer manifest: every evidence source announces itself here, one line each (like ThreatExchange's
 * extension manifest). Order matters only for claims: the caption analyzer runs first so later analyzers can
 * see the claims.
 */
export interface AnalyzerSet {
  /** Run first, in order (caption claims). */
  first: Analyzer[];
  /** Run concurrently after `first`. */
  parallel: Analyzer[];
  /** Run after all analyzers, in order. */
  claimCheckers: ClaimChecker[];
  /** Release resources (tool pools, databases). */
  close(): Promise<void>;
}

/**
 * What analyzers get from the layers above them, wired in by whoever creates the set (VerificationService.create):
 * analyzers never import services. The registry for matching, the scam desk (ScamService with the poster registry;
 * close() releases it).
 */
export interface AnalyzerPorts extends AnalyzerDeps {
  scam: ScamDeskPort & { close?: () => Promise<void> };
}

/** A factory over every port (the scam analyzer needs the desk, the match analyzer the registry). */
type PortedAnalyzerFactory = (config: Config, ports: AnalyzerPorts) => ReturnType<AnalyzerFactory>;

// The parallel stage starts its analyzers in this order, each running until its first wait. The match analyzer is
// first: its decode of the whole video is a check's longest task, so it should not wait for the others to set up
// (about 0.1 s on the bench clip).
const analyzerFactories: PortedAnalyzerFactory[] = [
  (config) => ({ stage: 'first', analyzer: new CaptionAnalyzer(kbForConfig(config)) }),
  (config, ports) => createMatchAnalyzer(config, ports.registry),
  (config) => ({ stage: 'parallel', analyzer: new MetadataAnalyzer(config) }),
  (config) => ({ stage: 'parallel', analyzer: new OcrAnalyzer(config) }),
  createScamAnalyzer,
  createC2paAnalyzer,
];
const claimCheckerFactories: ClaimCheckerFactory[] = [
  () => new DuplicateClaimMerger(),
  (config) => new KbClaimChecker(kbForConfig(config)),
  () => new PlaceTimeChecker(),
];

export function createAnalyzers(config: Config, ports: AnalyzerPorts): AnalyzerSet {
  const first: Analyzer[] = [];
  const parallel: Analyzer[] = [];
  const closers: (() => Promise<void>)[] = [];
  for (const f of analyzerFactories) {
    const { stage, analyzer, close } = f(config, ports);
    (stage === 'first' ? first : parallel).push(analyzer);
    if (close) closers.push(close);
  }
  const names = [...first, ...parallel].map((a) => a.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`analyzer "${dup}" registered twice`);
  return {
    first,
    parallel,
    claimCheckers: claimCheckerFactories.map((f) => f(config)),
    close: async () => {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
