#!/usr/bin/env python3
"""gen-corpus.py: a deterministic synthetic Japanese FAQ for benchmarks.

usage: gen-corpus.py N OUT.md [--lines OUT.txt]

Writes N entries (### questions under ## sections of 20, one # title) of
Japanese FAQ-like Markdown, about 780 bytes per entry (about 78 MB at
100 000 entries), mixing kanji, kana, ASCII words, numbers, full-width and
half-width forms, lists and the odd quote, like the bundled AWS FAQ.  With
--lines, also writes the same entries one per line (question and answer
text, no Markdown), for line-oriented peers such as fzf --filter.
The same N always gives the same bytes (fixed seed).
"""
import random
import sys

SUBJECTS = ["AWS アカウント", "請求書", "クレジットカード", "無料利用枠",
            "リザーブドインスタンス", "Savings Plans", "サポートプラン",
            "Cost Explorer", "ルートユーザー", "IAM ユーザー", "MFA デバイス",
            "送金", "データ転送料金", "コストと使用状況レポート", "組織",
            "管理アカウント", "Service Quotas", "Marketplace 製品",
            "ｱｶｳﾝﾄ設定", "ＡＷＳ　Ｏｒｇａｎｉｚａｔｉｏｎｓ", "領収書", "為替レート"]
ACTIONS = ["作成", "解約", "変更", "確認", "再開", "申請", "購入", "削除",
           "設定", "ダウンロード", "お支払い", "移行"]
QUESTIONS = ["{s}を{a}するにはどうすればよいですか?",
             "{s}の{a}はいつ反映されますか?",
             "{s}を{a}できない場合はどうすればよいですか?",
             "{s}の{a}に料金はかかりますか?",
             "{s}について{a}の手順を教えてください。"]
SENTENCES = [
    "{s}の{a}は、マネジメントコンソールの請求ダッシュボードから行うことができます。",
    "詳細はこちらのドキュメントをご確認ください。",
    "※ {s}の{a}には最大で {n} 時間程度かかる場合がございます。",
    "ご不明な点がございましたら、サポートセンター「アカウントと請求」までお問い合わせください。",
    "請求金額は協定世界時(UTC)を基準に計算され、翌月 3 日~ 5 日に確定します。",
    "料金は１，２８０円（税込）からご利用いただけます。",
    "{s}は {n} か月あたりの使用量の上限を超えると通常料金での課金が発生いたします。",
    "お客様のリクエストは https://console.aws.amazon.com/billing/home#/{a_en}/{n} から確認できます。",
    "ｸﾚｼﾞｯﾄｶｰﾄﾞの有効期限が切れている場合は、お支払い方法を更新してください。",
    "なお、セキュリティポリシー上、別アカウントの情報については開示できかねます。",
    "The {s_en} settings can also be changed with the AWS CLI or the API.",
    "日本語で入力すると文字化けしますので、半角英数字でご入力ください。",
]
A_EN = ["create", "close", "change", "check", "reopen", "request", "buy",
        "delete", "setup", "download", "pay", "migrate"]
S_EN = ["account", "invoice", "credit card", "free tier", "reserved instance",
        "savings plan", "support plan", "cost explorer", "root user"]


def sentence(r):
    return r.choice(SENTENCES).format(
        s=r.choice(SUBJECTS), a=r.choice(ACTIONS), n=r.randint(1, 99),
        a_en=r.choice(A_EN), s_en=r.choice(S_EN))


def entry(r, i):
    s, a = r.choice(SUBJECTS), r.choice(ACTIONS)
    q = r.choice(QUESTIONS).format(s=s, a=a)
    paras = []
    size = 0
    target = r.randint(420, 730)
    while size < target:
        kind = r.random()
        if kind < 0.15:
            items = ["{}. {}".format(k + 1, sentence(r)) for k in range(r.randint(2, 4))]
            block = "\n".join(items)
        elif kind < 0.25:
            items = ["- " + sentence(r) for _ in range(r.randint(2, 3))]
            block = "\n".join(items)
        elif kind < 0.3:
            block = "> メール本文例:\n> " + sentence(r)
        else:
            block = "\n".join(sentence(r) for _ in range(r.randint(1, 3)))
        paras.append(block)
        size += len(block.encode())
    return q, "\n\n".join(paras)


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    n, out = int(argv[0]), argv[1]
    lines = argv[3] if len(argv) > 3 and argv[2] == "--lines" else None
    r = random.Random(20261126)
    with open(out, "w", encoding="utf-8") as md:
        lf = open(lines, "w", encoding="utf-8") if lines else None
        md.write("---\ntitle: 合成 FAQ {}\nlang: ja\n---\n\n".format(n))
        md.write("# 合成 FAQ ({} 件)\n\n".format(n))
        for i in range(n):
            if i % 20 == 0:
                md.write("## セクション {} {{#sec-{}}}\n\n".format(i // 20 + 1, i // 20 + 1))
            q, a = entry(r, i)
            md.write("### {} {{#q{}}}\n\n{}\n\n".format(q, i + 1, a))
            if lf:
                flat = " ".join(l.lstrip("-> 0123456789.") for l in a.split("\n") if l)
                lf.write("{}\t{}\n".format(q, flat))
        if lf:
            lf.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
