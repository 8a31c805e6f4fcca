/**
 * A small evaluator of the CloudFormation intrinsics this app's templates use in
 * strings (Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Split, Fn::Select, Fn::ImportValue),
 * so tests can check what an ARN or URL becomes for a concrete account and region.
 */
export interface EvaluationEnvironment {
  readonly pseudo?: Partial<Record<'AWS::Partition' | 'AWS::Region' | 'AWS::AccountId' | 'AWS::URLSuffix' | 'AWS::StackName', string>>;
  /** Values of `Ref` to resources or parameters. */
  readonly refs?: Record<string, string>;
}

const DEFAULT_PSEUDO = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'Portico',
};

export function evaluate(value: unknown, env: EvaluationEnvironment = {}): unknown {
  const pseudo: Record<string, string> = { ...DEFAULT_PSEUDO, ...env.pseudo };
  const refs = env.refs ?? {};
  const lookup = (name: string): string => {
    const found = pseudo[name] ?? refs[name];
    if (found === undefined) return `<${name}>`;
    return found;
  };
  const go = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(go);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length !== 1) return Object.fromEntries(entries.map(([k, x]) => [k, go(x)]));
    const [fn, arg] = entries[0] as [string, unknown];
    switch (fn) {
      case 'Ref':
        return lookup(String(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = arg as [string, string];
        return `<${id}.${attribute}>`;
      }
      case 'Fn::ImportValue':
        return `<import:${String(go(arg))}>`;
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return (go(parts) as unknown[]).map(String).join(separator);
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return String(go(source)).split(separator);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [number | string, unknown];
        return (go(list) as unknown[])[Number(index)];
      }
      case 'Fn::Sub': {
        const template = typeof arg === 'string' ? arg : (arg as [string])[0];
        return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) => lookup(name));
      }
      default:
        return Object.fromEntries(entries.map(([k, x]) => [k, go(x)]));
    }
  };
  return go(value);
}
