import type { MockEvent, MockRuleAction } from './types'

/** One rule of a ruleset: when `matches` says yes, `action` is the event's rule action. */
export interface MockRule {
  /** Rule ID reported as `rule_action.rule_id`. */
  id: string
  /** Human-readable expression reported as `rule_action.rule_expression`. */
  expression: string
  /** Decides whether the rule applies to an event. */
  matches: (event: MockEvent) => boolean
  /** What the rule does: allow (optionally changing request headers) or block. */
  action:
    | {
        type: 'allow'
        request_header_modifications?: Extract<
          MockRuleAction,
          { type: 'allow' }
        >['request_header_modifications']
      }
    | {
        type: 'block'
        status_code?: number
        headers?: Array<{ name: string; value: string }>
        body?: string
      }
}

/** Rulesets by ID; the rules of a ruleset are tried in order, the first match wins. */
export type MockRulesets = Record<string, readonly MockRule[]>

/** The ruleset every server knows unless `rulesets` replaces it. */
export const DEFAULT_RULESETS: MockRulesets = {
  rs_mock_default: [
    {
      id: 'r_block_bad_bots',
      expression: 'bot == "bad"',
      matches: (e) => e.bot === 'bad',
      action: {
        type: 'block',
        status_code: 403,
        headers: [{ name: 'content-type', value: 'text/plain' }],
        body: 'Automated traffic is not allowed.',
      },
    },
    {
      id: 'r_block_tor',
      expression: 'ip_blocklist.tor_node == true',
      matches: (e) => e.ip_blocklist?.tor_node === true,
      action: { type: 'block', status_code: 403, body: 'Tor exit nodes are blocked.' },
    },
    {
      id: 'r_flag_vpn',
      expression: 'vpn == true',
      matches: (e) => e.vpn === true,
      action: {
        type: 'allow',
        request_header_modifications: { set: [{ name: 'x-risk-vpn', value: 'true' }] },
      },
    },
  ],
}

/**
 * Evaluates a ruleset against an event.
 *
 * @param rulesetId - the ruleset ID (reported back in the action)
 * @param rules - the ruleset's rules
 * @param event - the event
 * @returns the first matching rule's action, or a plain `allow` when none matches
 * @internal
 */
export function evaluateRuleset(
  rulesetId: string,
  rules: readonly MockRule[],
  event: MockEvent,
): MockRuleAction {
  for (const rule of rules) {
    if (!rule.matches(event)) continue
    return {
      ruleset_id: rulesetId,
      rule_id: rule.id,
      rule_expression: rule.expression,
      ...rule.action,
    } as MockRuleAction
  }
  return { ruleset_id: rulesetId, type: 'allow' }
}
