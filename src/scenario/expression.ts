/**
 * Values that vary in time: mathjs expressions in `t` (time since the event's
 * start), evaluated in a sandbox.
 *
 * The sandbox has three layers:
 * 1. a private mathjs instance (core/math.ts; never mathjs's shared default one),
 *    holding only the functions below;
 * 2. on it, the functions that alter the instance or parse new input
 *    (import, createUnit, evaluate, parse, compile, simplify, derivative, …)
 *    are replaced by functions that throw (mathjs "Security" docs);
 * 3. every parsed tree is walked before use, and only numbers, `t`, units,
 *    pi and e, arithmetic and comparison operators, parentheses, `?:` and a
 *    short list of math functions are allowed. Property access, indexing,
 *    assignments, function definitions, objects, arrays, blocks, ranges and
 *    any other function are refused with a message naming what was found.
 */
import type { MathJsInstance, MathNode, SymbolNode, Unit } from "mathjs";
import { mathjs } from "../core/math.js";
import { describeFoundFamily, describeUnitFamily } from "../core/units.js";
import type { TimeExpression, TimeValue } from "./types.js";

/** Longest expression accepted, characters. */
export const MAX_EXPRESSION_LENGTH = 500;

/** Functions an expression may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  "exp",
  "log",
  "log10",
  "sqrt",
  "abs",
  "min",
  "max",
  "sin",
  "cos",
  "tanh",
  "floor",
  "ceil",
  "round",
  "pow",
  "sign",
];

/** Operators (mathjs function names): arithmetic and comparison only. */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "mod",
  "unaryMinus",
  "unaryPlus",
  "smaller",
  "larger",
  "smallerEq",
  "largerEq",
  "equal",
  "unequal",
]);

const ALLOWED_CONSTANTS: ReadonlySet<string> = new Set(["pi", "e"]);

/** An expression is refused, cannot be evaluated, or gives the wrong kind of value. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
}

// ── The private, locked-down instance ───────────────────────────────────────

// erythron's private instance (core/math.ts, with its custom units), built and locked down on the
// first use of an expression (a scenario without expressions never builds mathjs: core/math.ts).
let math: MathJsInstance;
/** The parser, kept before the lock-down: the only way in. */
let parse: MathJsInstance["parse"];
let UNIT_DAY: Unit;

/**
 * Functions that change the instance or turn text into new trees. `config` and
 * `typed` stay (the instance's own functions depend on them); the tree walk
 * refuses calling them.
 */
const DISABLED_FUNCTIONS: readonly string[] = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "compile",
  "parser",
  "Parser",
  "simplify",
  "simplifyConstant",
  "simplifyCore",
  "derivative",
  "rationalize",
  "resolve",
  "leafCount",
  "symbolicEqual",
  "reviver",
  "replacer",
  "chain",
  "help",
];

/** Build the instance and lock it down, once (every entry point of this module calls it first). */
function sandbox(): void {
  if (math !== undefined) return;
  const instance = mathjs();
  parse = instance.parse;
  instance.import(
    Object.fromEntries(
      DISABLED_FUNCTIONS.map((name) => [
        name,
        () => {
          throw new ExpressionError(`function ${name} is disabled in scenario expressions`);
        },
      ]),
    ),
    { override: true },
  );
  UNIT_DAY = instance.unit(1, "day");
  math = instance;
}

const SECONDS_PER_DAY = 86400;

// ── Vetting a tree ──────────────────────────────────────────────────────────

/** Why a tree is refused: a construct (always an error) or an unknown name (an error in an expression in t). */
interface Refusal {
  message: string;
  /** True for an unknown symbol; such text may just be a misspelt quantity ("500 mLL"). */
  unknownSymbol: boolean;
}

const NODE_NAMES: Record<string, string> = {
  AccessorNode: 'property access (a.b or a["b"])',
  IndexNode: "indexing (a[1])",
  AssignmentNode: "an assignment (x = …)",
  FunctionAssignmentNode: "a function definition (f(x) = …)",
  ObjectNode: "an object ({…})",
  ArrayNode: "a list ([…])",
  BlockNode: "a block of statements (; or a new line)",
  RangeNode: "a range (a:b)",
};

function refuseNode(node: MathNode): Refusal | undefined {
  if (math.isConstantNode(node)) {
    const v: unknown = node.value;
    return typeof v === "number"
      ? undefined
      : {
          message: `${typeof v === "string" ? "text in quotes" : `the constant ${String(v)}`} is not allowed in an expression`,
          unknownSymbol: false,
        };
  }
  if (math.isSymbolNode(node)) return refuseSymbol(node);
  if (math.isParenthesisNode(node)) return refuseNode(node.content);
  if (math.isOperatorNode(node)) {
    if (!ALLOWED_OPERATORS.has(node.fn))
      return { message: `the operator "${node.op}" is not allowed in an expression`, unknownSymbol: false };
    return firstRefusal(node.args);
  }
  if (math.isConditionalNode(node)) return firstRefusal([node.condition, node.trueExpr, node.falseExpr]);
  if (math.isRelationalNode(node)) {
    const bad = node.conditionals.find((c) => !ALLOWED_OPERATORS.has(c));
    if (bad !== undefined)
      return { message: `the comparison ${bad} is not allowed in an expression`, unknownSymbol: false };
    return firstRefusal(node.params);
  }
  if (math.isFunctionNode(node)) {
    const fn: unknown = node.fn;
    if (!math.isSymbolNode(fn))
      return { message: "calling a computed function is not allowed in an expression", unknownSymbol: false };
    if (!ALLOWED_FUNCTIONS.includes(fn.name)) {
      return {
        message: `the function ${fn.name}() is not allowed in an expression (allowed: ${ALLOWED_FUNCTIONS.join(", ")})`,
        unknownSymbol: false,
      };
    }
    return firstRefusal(node.args);
  }
  return { message: `${NODE_NAMES[node.type] ?? node.type} is not allowed in an expression`, unknownSymbol: false };
}

function firstRefusal(nodes: readonly MathNode[]): Refusal | undefined {
  let unknown: Refusal | undefined;
  for (const n of nodes) {
    const r = refuseNode(n);
    // A construct outranks an unknown name: report the dangerous thing.
    if (r && !r.unknownSymbol) return r;
    unknown ??= r;
  }
  return unknown;
}

function refuseSymbol(node: SymbolNode): Refusal | undefined {
  const name = node.name;
  if (name === "t" || ALLOWED_CONSTANTS.has(name)) return undefined;
  const isUnit = math.Unit.isValuelessUnit(name);
  // A name the instance defines (a function such as min) wins over a unit of the same name.
  if (Object.hasOwn(math, name)) {
    const hint = isUnit ? ` (here it names the function ${name}, not the unit; write the unit in full)` : "";
    return { message: `the name "${name}" is not allowed in an expression${hint}`, unknownSymbol: false };
  }
  if (isUnit) return undefined;
  return { message: `unknown name "${name}" (expected t, a unit, pi or e)`, unknownSymbol: true };
}

function mentionsTime(node: MathNode): boolean {
  return node.filter((n, path) => path !== "fn" && math.isSymbolNode(n) && n.name === "t").length > 0;
}

/** What a string is, as an expression. */
export type ExpressionReading =
  | { kind: "syntax"; message: string }
  | { kind: "refused"; message: string; unknownSymbol: boolean; mentionsTime: boolean }
  | { kind: "ok"; mentionsTime: boolean };

/**
 * Read `text` as an expression without evaluating it: too long, a syntax
 * error, refused (with why), or acceptable (and whether it mentions `t`).
 */
export function readExpression(text: string): ExpressionReading {
  sandbox();
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return {
      kind: "refused",
      message: `an expression may have at most ${MAX_EXPRESSION_LENGTH} characters`,
      unknownSymbol: false,
      mentionsTime: false,
    };
  }
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    return { kind: "syntax", message: e instanceof Error ? e.message : String(e) };
  }
  const uses = mentionsTime(node);
  const refusal = refuseNode(node);
  if (refusal) return { kind: "refused", ...refusal, mentionsTime: uses };
  return { kind: "ok", mentionsTime: uses };
}

// ── Compiling and evaluating ────────────────────────────────────────────────

interface Compiled {
  code: { evaluate(scope: Map<string, unknown>): unknown };
  scope: Map<string, unknown>;
}

/**
 * Parse, vet and compile. Sub-trees that do not depend on t ("5 pg/mL",
 * "(1 day)") are evaluated once here and passed in through the scope, so each
 * evaluation only does the arithmetic that involves t.
 */
function compileExpression(text: string): Compiled {
  sandbox();
  const reading = readExpression(text);
  if (reading.kind === "syntax") throw new ExpressionError(`cannot read expression "${text}": ${reading.message}`);
  if (reading.kind === "refused") throw new ExpressionError(`expression "${shorten(text)}": ${reading.message}`);
  const scope = new Map<string, unknown>();
  const folded = parse(text).transform((node: MathNode, path: string): MathNode => {
    if (path === "fn" || math.isConstantNode(node) || mentionsTime(node)) return node;
    let value: unknown;
    try {
      value = node.compile().evaluate(new Map());
    } catch {
      // Left as written: evaluating it then reports the problem with its time and expected unit.
      return node;
    }
    const name = `__k${scope.size}`;
    scope.set(name, value);
    return new math.SymbolNode(name);
  });
  return { code: folded.compile(), scope };
}

/** A result that is not a finite quantity in the expected unit, for messages. */
function describeResult(r: unknown): string {
  if (math.isUnit(r)) {
    if (typeof r.value !== "number") return `${r.toString()} (not a real number)`;
    if (r.units.length === 0) return `the plain number ${String(r.toNumber())}`;
    return `${r.toString()} (${describeFoundFamily(r)})`;
  }
  if (typeof r === "number") return `the plain number ${String(r)}`;
  if (typeof r === "boolean") return `${String(r)} (a yes/no value)`;
  if (math.isComplex(r)) return `the complex number ${String(r)}`;
  return `a value of type ${typeof r}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function formatT(tDays: number): string {
  const r = Number(tDays.toPrecision(6));
  return `t = ${r} ${r === 1 ? "day" : "days"}`;
}

/** An evaluator for one expression: the value in its unit at t days. */
export interface TimeEvaluator {
  /** The value; throws ExpressionError when the result is not a finite quantity of the right dimension. */
  (tDays: number): number;
  /** The value, or what went wrong ("gives 5 mg (a mass) at t = 0 days; expected …"). */
  check(tDays: number): number | string;
}

/** Compile an expression into an evaluator (throws ExpressionError if it is refused). */
export function compileTimeExpression(expr: TimeExpression): TimeEvaluator {
  sandbox();
  const { code, scope } = compileExpression(expr.expression);
  const dimensionless = expr.unit === "";
  const target = math.unit(1, dimensionless ? "m/m" : expr.unit);
  // SI value of one canonical unit: a result's SI value divided by it is the value in that unit.
  const targetSi = Number(target.value);
  const expected = dimensionless ? "a plain number" : `${describeUnitFamily(expr.unit)} in ${expr.unit}`;
  const tUnit = UNIT_DAY.clone();
  scope.set("t", tUnit);

  const check = (tDays: number): number | string => {
    // One Unit object reused for t: mathjs functions never mutate their arguments.
    tUnit.value = tDays * SECONDS_PER_DAY;
    let r: unknown;
    try {
      r = code.evaluate(scope);
    } catch (e) {
      return `cannot be evaluated at ${formatT(tDays)} (${e instanceof Error ? e.message : String(e)}); expected ${expected}`;
    }
    let v = Number.NaN;
    if (dimensionless) {
      if (typeof r === "number") v = r;
      else if (math.isUnit(r) && r.units.length === 0) v = r.toNumber();
      else return `gives ${describeResult(r)} at ${formatT(tDays)}; expected ${expected}`;
    } else {
      if (!math.isUnit(r) || typeof r.value !== "number" || !r.equalBase(target)) {
        return `gives ${describeResult(r)} at ${formatT(tDays)}; expected ${expected}`;
      }
      v = r.value / targetSi;
    }
    if (!Number.isFinite(v)) return `gives ${String(v)} at ${formatT(tDays)}; expected a finite number`;
    if ((expr.min !== undefined && v < expr.min) || (expr.max !== undefined && v > expr.max)) {
      const u = expr.unit === "" ? "" : ` ${expr.unit}`;
      const range =
        expr.min !== undefined && expr.max !== undefined
          ? `from ${expr.min}${u} to ${expr.max}${u}`
          : expr.min !== undefined
            ? `at least ${expr.min}${u}`
            : `at most ${expr.max}${u}`;
      return `gives ${Number(v.toPrecision(6))}${u} at ${formatT(tDays)}; expected a value ${range}`;
    }
    return v;
  };
  const evaluator = (tDays: number): number => {
    const v = check(tDays);
    if (typeof v === "number") return v;
    throw new ExpressionError(`expression "${shorten(expr.expression)}" ${v}`);
  };
  evaluator.check = check;
  return evaluator;
}

/**
 * A function giving the value in the field's canonical unit at `tDays` days
 * after the event's start. Numbers give a constant function. Throws
 * ExpressionError now if the expression is refused, and when called if the
 * result is not a finite quantity of the right dimension.
 */
export function compileTimeValue(v: TimeValue): (tDays: number) => number {
  if (typeof v === "number") return () => v;
  const evaluator = compileTimeExpression(v);
  return (tDays) => evaluator(tDays);
}

/** True if the sandbox instance's own function `name` is disabled (throws when called): the second layer, for tests. */
export function isDisabledInSandbox(name: string): boolean {
  sandbox();
  const fn: unknown = Reflect.get(math, name);
  if (typeof fn !== "function") return false;
  try {
    fn("1");
  } catch (e) {
    return e instanceof ExpressionError;
  }
  return false;
}

export { DISABLED_FUNCTIONS };

// ── Conditions over lab values (rules) ──────────────────────────────────────

/** Logical operators a condition may use besides arithmetic and comparison. */
const CONDITION_OPERATORS: ReadonlySet<string> = new Set(["and", "or", "not"]);

/**
 * Why a condition's tree is refused: the same vetting as expressions in t,
 * but its names are the given columns (plain numbers in the unit their name
 * carries), it may join comparisons with and/or/not, and units are refused
 * (a column is a number: "hb_g_dl > 12", not "> 12 g/dL").
 */
function refuseConditionNode(node: MathNode, names: ReadonlySet<string>, logic = true): string | undefined {
  if (math.isSymbolNode(node)) {
    if (names.has(node.name) || ALLOWED_CONSTANTS.has(node.name)) return undefined;
    if (math.Unit.isValuelessUnit(node.name) && !Object.hasOwn(math, node.name))
      return `the unit "${node.name}" is not allowed in a condition (a column is a plain number in the unit its name carries: write hb_g_dl > 12, not hb_g_dl > 12 g/dL)`;
    return `unknown name "${node.name}"`;
  }
  if (math.isOperatorNode(node) && CONDITION_OPERATORS.has(node.fn)) {
    // and/or/not join comparisons at the top of a condition, not inside arithmetic or functions.
    if (!logic) return `"${node.op}" may only join comparisons (such as a > 1 and b < 2), not appear inside arithmetic`;
    for (const a of node.args) {
      const r = refuseConditionNode(a, names, true);
      if (r) return r;
    }
    return undefined;
  }
  if (math.isParenthesisNode(node)) return refuseConditionNode(node.content, names, logic);
  if (math.isFunctionNode(node)) {
    const r = refuseNode(node);
    if (r && !r.unknownSymbol) return r.message;
    for (const a of node.args) {
      const s = refuseConditionNode(a, names, false);
      if (s) return s;
    }
    return undefined;
  }
  if (math.isOperatorNode(node) || math.isConditionalNode(node) || math.isRelationalNode(node)) {
    // Check the node itself (operator allowed?), then its children with the condition's names.
    const own = refuseNode(node);
    if (own && !own.unknownSymbol) return own.message;
    const kids: MathNode[] = math.isOperatorNode(node)
      ? node.args
      : math.isConditionalNode(node)
        ? [node.condition, node.trueExpr, node.falseExpr]
        : node.params;
    for (const k of kids) {
      const r = refuseConditionNode(k, names, false);
      if (r) return r;
    }
    return undefined;
  }
  const r = refuseNode(node);
  return r?.message;
}

/** Symbols a condition reads (its column names), for checks and messages. */
function conditionSymbols(node: MathNode): string[] {
  const out = new Set<string>();
  node.traverse((n, path) => {
    if (path !== "fn" && math.isSymbolNode(n) && !ALLOWED_CONSTANTS.has(n.name)) out.add(n.name);
  });
  return [...out];
}

/** What a condition string is: a problem, or the columns it reads. */
export type ConditionReading = { ok: false; message: string; unknown?: string } | { ok: true; columns: string[] };

/** Read a condition over `names` (trajectory columns) without evaluating it. */
export function readCondition(text: string, names: ReadonlySet<string>): ConditionReading {
  sandbox();
  if (text.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, message: `a condition may have at most ${MAX_EXPRESSION_LENGTH} characters` };
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    return { ok: false, message: `cannot read it (${e instanceof Error ? e.message : String(e)})` };
  }
  const refusal = refuseConditionNode(node, names);
  if (refusal !== undefined) {
    const m = /^unknown name "(.*)"$/.exec(refusal);
    return m ? { ok: false, message: refusal, unknown: m[1] as string } : { ok: false, message: refusal };
  }
  return { ok: true, columns: conditionSymbols(node).filter((s) => names.has(s)) };
}

/** A compiled condition: true or false for a row of lab values (throws ExpressionError if not a yes/no or number). */
export type ConditionEvaluator = (row: Readonly<Record<string, number>>) => boolean;

/** Compile a condition over trajectory columns (throws ExpressionError if it is refused). */
export function compileCondition(text: string, names: ReadonlySet<string>): ConditionEvaluator {
  sandbox();
  const reading = readCondition(text, names);
  if (!reading.ok) throw new ExpressionError(`condition "${shorten(text)}": ${reading.message}`);
  const columns = reading.columns;
  const scope = new Map<string, unknown>();
  const truth = (r: unknown): boolean => {
    if (typeof r === "boolean") return r;
    if (typeof r === "number" && Number.isFinite(r)) return r !== 0;
    throw new ExpressionError(`condition "${shorten(text)}" gives ${describeResult(r)}; expected true or false`);
  };
  // and/or/not are combined here (the instance has no logical functions); the comparisons they join run in mathjs.
  const build = (node: MathNode): (() => boolean) => {
    if (math.isParenthesisNode(node)) return build(node.content);
    if (math.isOperatorNode(node) && CONDITION_OPERATORS.has(node.fn)) {
      const [a, b] = node.args.map(build) as [() => boolean, (() => boolean) | undefined];
      if (node.fn === "not") return () => !a();
      if (!b) throw new ExpressionError(`condition "${shorten(text)}": "${node.op}" needs two sides`);
      return node.fn === "and" ? () => a() && b() : () => a() || b();
    }
    const code = node.compile();
    return () => {
      let r: unknown;
      try {
        r = code.evaluate(scope);
      } catch (e) {
        throw new ExpressionError(
          `condition "${shorten(text)}" cannot be evaluated (${e instanceof Error ? e.message : String(e)})`,
        );
      }
      return truth(r);
    };
  };
  const root = build(parse(text));
  return (row) => {
    for (const c of columns) scope.set(c, row[c]);
    return root();
  };
}
