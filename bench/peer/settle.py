#!/usr/bin/env python3
"""A straightforward Python-decimal peer of the engine's year (DESIGN §6), for `npm run bench`.

Reads a scenario file, settles the year with Python's decimal module (amounts in yuan, rounded
half-up to the fen; splits by largest remainder in exact integers), and prints the result
contract's fund and per-institution figures as JSON. It exists to time the engine against an
implementation a finance department might write itself, and tests/peer checks that both give
the same figures on every example it covers.

Covered: pools, history weights and level/category coefficients, locked targets, the volume
floor, deposits on the target or withheld from claims, the monthly profile, marginal and step
tiers with their caps, per-institution reasonable shares, the adjustment fund's pro-rata cut
and top-up, step and linear quality mappings, advances, 12 given monthly claims. Not covered
(the peer says so and exits with status 3): formulas (weights, eligibility), points pools,
prepaid monthly payment, projected claims, mid-year adjustments.

Usage: settle.py SCENARIO.json [--time RUNS]   (--time: print the median ms of RUNS settlements
of the parsed file to stderr: from the file's strings to exact amounts, as the engine's compile +
settle; without Python's start-up, reading and parsing the file, or formatting the result)
"""
import json
import sys
import time
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 60  # every product and sum below is exact at this precision
CENT = Decimal('0.01')
ZERO = Decimal(0)
ONE = Decimal(1)


class Unsupported(Exception):
    pass


def rnd(x):
    """Half-up to the fen (away from zero on a half, as the engine)."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def money(s):
    return Decimal(s)


def apportion(total, weights):
    """Split total (yuan, to the fen) by weights with the largest-remainder method: floor each
    exact quota to the fen, then one fen each to the largest remainders, ties to the earlier."""
    if not weights:
        return []
    scale = max(max(-w.as_tuple().exponent, 0) for w in weights)
    ws = [int(w.scaleb(scale)) for w in weights]
    wsum = sum(ws)
    fen = int(total.scaleb(2))
    if wsum == 0:
        raise ValueError('weights add up to 0')
    quotas = [divmod(fen * w, wsum) for w in ws]
    parts = [q for q, _ in quotas]
    left = fen - sum(parts)
    order = sorted(range(len(ws)), key=lambda i: (-quotas[i][1], i))
    for i in order[:left]:
        parts[i] += 1
    return [Decimal(p).scaleb(-2) for p in parts]


def tiers(table, x, t):
    """round(tiers(x)) against target t (DESIGN §6)."""
    mode, ts = table
    if mode == 'marginal':
        v, lo = ZERO, ZERO
        for up, share in ts:
            hi = x if up is None else min(x, up * t)
            if hi > lo:
                v += share * (hi - lo)
            if up is None or x <= up * t:
                break
            lo = up * t
        return rnd(v)
    for up, share in ts:
        if up is None or x <= up * t:
            return rnd(share * x)
    return ZERO


def compile_tiers(rule):
    return (rule.get('mode', 'marginal'), [(None if r['upTo'] is None else Decimal(r['upTo']), Decimal(r['share'])) for r in rule['tiers']])


def quality_of(q, score):
    """round(D × mapping(score)) as a function of D: one exact division at the end."""
    if q is None or score is None:
        return lambda d: d
    pts = [(Decimal(str(p['score'])), Decimal(p['ratio'])) for p in q['points']]
    s = Decimal(str(score))
    i = 0
    while i + 1 < len(pts) and pts[i + 1][0] <= s:
        i += 1
    s0, r0 = pts[i]
    if q['mode'] == 'step' or i + 1 == len(pts) or s <= s0:
        return lambda d: rnd(d * r0)
    s1, r1 = pts[i + 1]
    return lambda d: rnd((d * (r0 * (s1 - s0) + (r1 - r0) * (s - s0))) / (s1 - s0))


def ratio4(a, b):
    if b == 0:
        return None
    return str((a / b).quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP))


def settle(s):
    p, f, hs = s['policy'], s['fund'], s['hospitals']
    for key in ('weightFormula', 'points'):
        if key in p:
            raise Unsupported(f'policy.{key}')
    if p.get('monthlyPayment') == 'prepaid':
        raise Unsupported('policy.monthlyPayment prepaid')
    if 'eligibility' in p.get('surplus', {}):
        raise Unsupported('policy.surplus.eligibility')
    if s.get('adjustments'):
        raise Unsupported('adjustments')

    budget = money(f['budget'])
    reserve = rnd(budget * Decimal(f['riskReserveRate']))
    carve = sum((money(c['amount']) for c in f.get('carveOuts', [])), ZERO)
    g = budget - carve - reserve
    af = rnd(g * Decimal(f['adjustmentFundRate']))
    allocatable = g - af

    hw = [Decimal(w) for w in p['historyWeights']]
    lc, cc = p.get('levelCoefficients', {}), p.get('categoryCoefficients', {})
    pools = p.get('pools') or [{'id': '', 'share': '1', 'classes': None}]
    pool_of = []
    for h in hs:
        k = next(k for k, pl in enumerate(pools) if pl['classes'] is None or h['class'] in pl['classes'])
        pool_of.append(k)
    amounts = apportion(allocatable, [Decimal(pl['share']) for pl in pools])

    targets = [ZERO] * len(hs)
    for k, amount in enumerate(amounts):
        members = [i for i in range(len(hs)) if pool_of[i] == k]
        free, weights, locked = [], [], ZERO
        for i in members:
            h = hs[i]
            if 'lockedTarget' in h:
                targets[i] = money(h['lockedTarget'])
                locked += targets[i]
            else:
                w = sum((hw[y] * money(v) for y, v in enumerate(h['history'])), ZERO)
                w *= Decimal(lc.get(h['level'], '1')) * Decimal(cc.get(h['category'], '1'))
                free.append(i)
                weights.append(w)
        rest = amount - locked
        if rest > 0:
            for i, part in zip(free, apportion(rest, weights)):
                targets[i] = part

    dep = p['deposit']
    on_target = dep.get('base', 'target') == 'target'
    profile = [Decimal(w) for w in p.get('monthlyProfile', ['1'] * 12)]
    surplus = compile_tiers(p['surplus']) if 'surplus' in p else None
    s_cap = Decimal(p['surplus']['cap']) if surplus and 'cap' in p['surplus'] else None
    over = compile_tiers(p['overspend']) if 'overspend' in p else None
    o_cap = Decimal(p['overspend']['cap']) if over and 'cap' in p['overspend'] else None
    o_share = Decimal(p['overspend'].get('reasonableShare', '1')) if over else ONE
    advance_months = Decimal(p['advance']['months']) if 'advance' in p else None
    floor_on = p.get('volumeFloor') is True

    rows = []
    for i, h in enumerate(hs):
        if len(h.get('claims', [])) != 12:
            raise Unsupported(f'hospitals[{i}].claims: projected claims')
        t = targets[i]
        if floor_on and 'volume' in h and 'volumeFloor' in h and h['volume'] < h['volumeFloor']:
            t = rnd(t * Decimal(h['volume']) / Decimal(h['volumeFloor']))
        rate = Decimal(dep['rates'].get(h['class'], '0'))
        deposit = rnd(t * rate) if on_target else ZERO
        mb = apportion(t - deposit, profile)
        claims = [money(c) for c in h['claims']]
        paid, cum_c, cum_m, prev = [], ZERO, ZERO, ZERO
        for c, m in zip(claims, mb):
            cum_c += c
            cum_m += m
            x = min(cum_c, cum_m)
            pay = x - prev
            prev = x
            if not on_target:
                w = rnd(pay * rate)
                deposit += w
                pay -= w
            paid.append(pay)
        total = sum(claims, ZERO)
        deferred = total - prev
        ded = money(h.get('deductions', '0'))
        a = total - ded
        sur = ovr = reward = share = ZERO
        if a < t:
            sur = t - a
            if surplus:
                reward = tiers(surplus, sur, t)
                if s_cap is not None:
                    reward = min(reward, rnd(s_cap * t))
        elif a > t:
            ovr = a - t
            if over:
                reasonable = rnd(ovr * Decimal(h.get('reasonableShare', o_share)))
                share = tiers(over, reasonable, t)
                if o_cap is not None:
                    share = min(share, rnd(o_cap * t))
        adv = rnd((t - deposit if on_target else t) * advance_months / 12) if advance_months is not None and h.get('advanceEligible') is True else ZERO
        rows.append({'h': h, 't': t, 'deposit': deposit, 'mb': mb, 'paid': paid, 'deferred': deferred, 'a': a, 'sur': sur,
                     'reward': reward, 'ovr': ovr, 'claimed': share, 'adv': adv, 'q': quality_of(p.get('quality'), h.get('score'))})

    claimed = sum((r['claimed'] for r in rows), ZERO)
    top_up = min(money(f['adjustmentTopUpCap']), claimed - af) if claimed > af and 'adjustmentTopUpCap' in f else ZERO
    available = af + top_up
    shares = apportion(available, [r['claimed'] for r in rows]) if claimed > available else [r['claimed'] for r in rows]
    out, owed_total = [], ZERO
    for r, share in zip(rows, shares):
        due = r['a'] + r['reward'] if r['sur'] > 0 else r['t'] + share if r['ovr'] > 0 else r['a']
        returned = r['q'](r['deposit'])
        owed = due - (r['deposit'] - returned)
        owed_total += owed
        out.append({'id': r['h']['id'], 'target': r['t'], 'deposit': r['deposit'], 'monthlyBudget': r['mb'], 'paid': r['paid'],
                    'deferred': r['deferred'], 'actual': r['a'], 'surplus': r['sur'], 'reward': r['reward'], 'overspend': r['ovr'],
                    'fundShare': share, 'depositReturned': returned, 'depositForfeited': r['deposit'] - returned, 'owed': owed,
                    'balance': owed - sum(r['paid'], ZERO) - r['adv']})
    used = sum(shares, ZERO)
    expenditure = owed_total + carve
    revenue, opening = money(f['revenue']), money(f['openingBalance'])
    closing = opening + revenue - expenditure
    fund = {'base': budget, 'riskReserve': reserve, 'carveOuts': carve, 'globalTarget': g, 'adjustmentFund': af,
            'allocatable': allocatable, 'hospitalsOwed': owed_total, 'adjustmentFundUsed': used, 'expenditure': expenditure,
            'closingBalance': closing, 'monthsOfCoverage': ratio4(closing * 12, expenditure),
            'currentSurplusRate': ratio4(revenue - expenditure, revenue)}
    return {'fund': fund, 'hospitals': out}


def text(v):
    if isinstance(v, Decimal):
        return str(rnd(v))
    if isinstance(v, list):
        return [text(x) for x in v]
    if isinstance(v, dict):
        return {k: text(x) for k, x in v.items()}
    return v


def main(argv):
    if not argv or argv[0].startswith('-'):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], encoding='utf-8') as fh:
        raw = fh.read()
    try:
        if '--time' in argv:
            runs = int(argv[argv.index('--time') + 1])
            doc = json.loads(raw)
            ms = []
            for _ in range(runs):
                t0 = time.perf_counter()
                settle(doc)
                ms.append((time.perf_counter() - t0) * 1000)
            ms.sort()
            print(f'{ms[len(ms) // 2]:.1f}', file=sys.stderr)
            return 0
        print(json.dumps(text(settle(json.loads(raw))), ensure_ascii=False))
        return 0
    except Unsupported as e:
        print(f'peer: not covered: {e}', file=sys.stderr)
        return 3


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
