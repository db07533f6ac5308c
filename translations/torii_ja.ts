<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Diagnostics</name>
    <message>
        <source>add this field; the API server requires it</source>
        <translation>このフィールドを追加してください。API サーバーが必須としています</translation>
    </message>
    <message>
        <source>use one of the supported values (they are case-sensitive)</source>
        <translation>使用できる値のいずれかを指定してください（大文字と小文字は区別されます）</translation>
    </message>
    <message>
        <source>change the value so that it matches the pattern shown</source>
        <translation>示されたパターンに一致する値にしてください</translation>
    </message>
    <message>
        <source>write a value of the type shown; quotes make a number a string</source>
        <translation>示された型の値を書いてください。数値を引用符で囲むと文字列になります</translation>
    </message>
    <message>
        <source>shorten or lengthen the value to the allowed length</source>
        <translation>値を許可された長さに収めてください</translation>
    </message>
    <message>
        <source>remove entries, or split the object into several</source>
        <translation>要素を減らすか、オブジェクトを複数に分けてください</translation>
    </message>
    <message>
        <source>add at least the number of entries shown</source>
        <translation>示された数以上の要素を追加してください</translation>
    </message>
    <message>
        <source>use a number within the range shown</source>
        <translation>示された範囲内の数値を使ってください</translation>
    </message>
    <message>
        <source>write a value in the format shown</source>
        <translation>示された形式で値を書いてください</translation>
    </message>
    <message>
        <source>each entry of this list must be unique; merge or rename the duplicates</source>
        <translation>このリストの要素は一意でなければなりません。重複をまとめるか名前を変えてください</translation>
    </message>
    <message>
        <source>an address of type IPAddress needs an IPv4 or IPv6 value</source>
        <translation>type が IPAddress のアドレスには IPv4 または IPv6 の値が必要です</translation>
    </message>
    <message>
        <source>add the field that matches the filter&apos;s type, or change type</source>
        <translation>フィルターの type に対応するフィールドを追加するか、type を変更してください</translation>
    </message>
    <message>
        <source>remove this field, or set type to the filter it configures</source>
        <translation>このフィールドを削除するか、type をこのフィールドが設定するフィルターにしてください</translation>
    </message>
    <message>
        <source>merge the repeated filters into one</source>
        <translation>重複したフィルターを 1 つにまとめてください</translation>
    </message>
    <message>
        <source>add `port:` with the Service port to send to</source>
        <translation>送信先の Service のポートを `port:` に追加してください</translation>
    </message>
    <message>
        <source>name the listener with sectionName in every parentRef to the same parent</source>
        <translation>同じ親を指すすべての parentRef で sectionName によりリスナーを指定してください</translation>
    </message>
    <message>
        <source>each parentRef to the same parent needs a different sectionName</source>
        <translation>同じ親を指す parentRef にはそれぞれ異なる sectionName が必要です</translation>
    </message>
    <message>
        <source>give each parentRef to the same parent its own sectionName or port</source>
        <translation>同じ親を指す parentRef にはそれぞれ別の sectionName または port を指定してください</translation>
    </message>
    <message>
        <source>TCP and UDP listeners match no hostname: remove it</source>
        <translation>TCP と UDP のリスナーはホスト名で照合しません。hostname を削除してください</translation>
    </message>
    <message>
        <source>remove tls, or use protocol HTTPS or TLS</source>
        <translation>tls を削除するか、protocol を HTTPS または TLS にしてください</translation>
    </message>
    <message>
        <source>HTTPS terminates TLS; use protocol TLS for Passthrough</source>
        <translation>HTTPS は TLS を終端します。Passthrough には protocol TLS を使ってください</translation>
    </message>
    <message>
        <source>add certificateRefs naming a Secret of type kubernetes.io/tls</source>
        <translation>kubernetes.io/tls 型の Secret を指す certificateRefs を追加してください</translation>
    </message>
    <message>
        <source>rename one of the listeners</source>
        <translation>どちらかのリスナーの名前を変えてください</translation>
    </message>
    <message>
        <source>change the port or the hostname of one of the listeners</source>
        <translation>どちらかのリスナーの port または hostname を変えてください</translation>
    </message>
    <message>
        <source>ReplacePrefixMatch needs exactly one PathPrefix match in the rule</source>
        <translation>ReplacePrefixMatch を使うルールには PathPrefix の match がちょうど 1 つ必要です</translation>
    </message>
    <message>
        <source>start the path with &apos;/&apos;</source>
        <translation>パスは &apos;/&apos; で始めてください</translation>
    </message>
    <message>
        <source>remove the dot segments or repeated slashes from the path</source>
        <translation>パスからドットセグメントや連続したスラッシュを取り除いてください</translation>
    </message>
    <message>
        <source>percent-encode or remove the characters the pattern does not allow</source>
        <translation>パターンで許されない文字はパーセントエンコードするか削除してください</translation>
    </message>
    <message>
        <source>keep percent or fraction, not both</source>
        <translation>percent と fraction のどちらか一方だけにしてください</translation>
    </message>
    <message>
        <source>make the numerator at most the denominator</source>
        <translation>numerator を denominator 以下にしてください</translation>
    </message>
    <message>
        <source>make backendRequest at most request</source>
        <translation>backendRequest を request 以下にしてください</translation>
    </message>
    <message>
        <source>routes match host names; remove the IP address</source>
        <translation>ルートはホスト名で照合します。IP アドレスを削除してください</translation>
    </message>
    <message>
        <source>use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, with &apos;*.&apos; only as the first label</source>
        <translation>小文字・数字・&apos;-&apos;・&apos;.&apos; を使い、&apos;*.&apos; は先頭のラベルにだけ使ってください</translation>
    </message>
    <message>
        <source>set caCertificateRefs or wellKnownCACertificates: System, exactly one of them</source>
        <translation>caCertificateRefs か wellKnownCACertificates: System のどちらか一方だけを設定してください</translation>
    </message>
    <message>
        <source>set hostname for type Hostname and uri for type URI, nothing else</source>
        <translation>type が Hostname なら hostname を、URI なら uri を設定し、それ以外は設定しないでください</translation>
    </message>
    <message>
        <source>change the object so that the rule holds</source>
        <translation>このルールを満たすようにオブジェクトを変更してください</translation>
    </message>
    <message>
        <source>use spec.rules[].timeouts.request (and backendRequest) on the HTTPRoute</source>
        <translation>HTTPRoute の spec.rules[].timeouts.request（および backendRequest）を使ってください</translation>
    </message>
    <message>
        <source>use spec.rules[].retry.attempts on the HTTPRoute (experimental channel)</source>
        <translation>HTTPRoute の spec.rules[].retry.attempts を使ってください（experimental チャネル）</translation>
    </message>
    <message>
        <source>load balancing is set by the implementation&apos;s own policy resource</source>
        <translation>ロードバランシングは各実装独自のポリシーリソースで設定します</translation>
    </message>
    <message>
        <source>connection limits are set by the implementation&apos;s own policy resource</source>
        <translation>接続数の上限は各実装独自のポリシーリソースで設定します</translation>
    </message>
    <message>
        <source>keep-alive is set by the implementation&apos;s own client traffic policy</source>
        <translation>keep-alive は各実装独自のクライアントトラフィックポリシーで設定します</translation>
    </message>
    <message>
        <source>idle timeouts are set by the implementation&apos;s own client traffic policy</source>
        <translation>アイドルタイムアウトは各実装独自のクライアントトラフィックポリシーで設定します</translation>
    </message>
    <message>
        <source>tracing is configured by the implementation (e.g. its telemetry policy)</source>
        <translation>トレーシングは各実装（テレメトリーポリシーなど）で設定します</translation>
    </message>
    <message>
        <source>no implementation reads this; use the implementation&apos;s log level setting</source>
        <translation>どの実装もこれを読みません。実装のログレベル設定を使ってください</translation>
    </message>
    <message>
        <source>no Gateway API implementation reads it</source>
        <translation>どの Gateway API 実装もこれを読みません</translation>
    </message>
    <message>
        <source>ingress-nginx annotations only act on Ingress objects; use HTTPRoute filters (RequestRedirect, URLRewrite) instead</source>
        <translation>ingress-nginx のアノテーションは Ingress オブジェクトにしか作用しません。代わりに HTTPRoute のフィルター（RequestRedirect、URLRewrite）を使ってください</translation>
    </message>
    <message>
        <source>the annotation %1 has no effect</source>
        <translation>アノテーション %1 には効果がありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds a ${...} placeholder that would be sent literally</source>
        <translation>&quot;%1&quot; の ${...} プレースホルダーは展開されず、そのまま送信されます</translation>
    </message>
    <message>
        <source>Kubernetes does not expand variables in manifests: write the value, or generate the file with envsubst, Helm or Kustomize</source>
        <translation>Kubernetes はマニフェスト内の変数を展開しません。値を直接書くか、envsubst・Helm・Kustomize でファイルを生成してください</translation>
    </message>
    <message>
        <source>%1 refers to %2 %3/%4 in another namespace, and no ReferenceGrant in the loaded files allows it</source>
        <translation>%1 は別の名前空間の %2 %3/%4 を参照していますが、読み込んだファイルにはそれを許可する ReferenceGrant がありません</translation>
    </message>
    <message>
        <source>add a ReferenceGrant in namespace %1 from %2 in %3 to %4; without it the controller reports RefNotPermitted</source>
        <translation>名前空間 %1 に、%3 の %2 から %4 への ReferenceGrant を追加してください。ないとコントローラーは RefNotPermitted を報告します</translation>
    </message>
    <message>
        <source>the part before &apos;/&apos; must be a DNS subdomain such as example.com</source>
        <translation>&apos;/&apos; より前の部分は example.com のような DNS サブドメインでなければなりません</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, 63 characters at most</source>
        <translation>英字・数字・&apos;-&apos;・&apos;_&apos;・&apos;.&apos; を使い、63 文字以内にしてください</translation>
    </message>
    <message>
        <source>add apiVersion, e.g. gateway.networking.k8s.io/v1</source>
        <translation>apiVersion を追加してください（例: gateway.networking.k8s.io/v1）</translation>
    </message>
    <message>
        <source>add kind, e.g. HTTPRoute</source>
        <translation>kind を追加してください（例: HTTPRoute）</translation>
    </message>
    <message>
        <source>add metadata with a name</source>
        <translation>name を持つ metadata を追加してください</translation>
    </message>
    <message>
        <source>add metadata.name</source>
        <translation>metadata.name を追加してください</translation>
    </message>
    <message>
        <source>use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;</source>
        <translation>小文字・数字・&apos;-&apos;・&apos;.&apos; を使ってください</translation>
    </message>
    <message>
        <source>remove metadata.namespace</source>
        <translation>metadata.namespace を削除してください</translation>
    </message>
    <message>
        <source>use lower-case letters, digits and &apos;-&apos;, 63 characters at most</source>
        <translation>小文字・数字・&apos;-&apos; を使い、63 文字以内にしてください</translation>
    </message>
    <message>
        <source>quote the value: &quot;%1&quot;</source>
        <translation>値を引用符で囲んでください: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>annotations are limited to 256 KiB in all</source>
        <translation>アノテーションは合計 256 KiB までです</translation>
    </message>
    <message>
        <source>did you mean &quot;%1&quot;?</source>
        <translation>&quot;%1&quot; のことですか？</translation>
    </message>
    <message>
        <source>the fields allowed here are: %1</source>
        <translation>ここで使えるフィールド: %1</translation>
    </message>
    <message>
        <source>%1 is an experimental-channel field; the standard v1.6.1 CRDs do not have it</source>
        <translation>%1 は experimental チャネルのフィールドです。v1.6.1 の standard CRD にはありません</translation>
    </message>
    <message>
        <source>install the experimental CRDs in the cluster, or leave this field out</source>
        <translation>クラスターに experimental CRD をインストールするか、このフィールドを使わないでください</translation>
    </message>
    <message>
        <source>no matches for kind &quot;%1&quot; in group &quot;%2&quot;</source>
        <translation>グループ &quot;%2&quot; に kind &quot;%1&quot; はありません</translation>
    </message>
    <message>
        <source>check the spelling of kind; the Gateway API kinds are GatewayClass, Gateway, ListenerSet, HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute, ReferenceGrant, BackendTLSPolicy</source>
        <translation>kind の綴りを確認してください。Gateway API の kind は GatewayClass、Gateway、ListenerSet、HTTPRoute、GRPCRoute、TCPRoute、UDPRoute、TLSRoute、ReferenceGrant、BackendTLSPolicy です</translation>
    </message>
    <message>
        <source>no matches for kind &quot;%1&quot; in version &quot;%2&quot;</source>
        <translation>バージョン &quot;%2&quot; に kind &quot;%1&quot; はありません</translation>
    </message>
    <message>
        <source>the versions of %1 are %2</source>
        <translation>%1 のバージョンは %2 です</translation>
    </message>
    <message>
        <source>%1 is an experimental-channel kind</source>
        <translation>%1 は experimental チャネルの kind です</translation>
    </message>
    <message>
        <source>the cluster needs the experimental CRDs</source>
        <translation>クラスターに experimental CRD が必要です</translation>
    </message>
    <message>
        <source>this document is not a Kubernetes object (a map with apiVersion, kind and metadata)</source>
        <translation>このドキュメントは Kubernetes オブジェクト（apiVersion、kind、metadata を持つマップ）ではありません</translation>
    </message>
    <message>
        <source>start the document with `apiVersion:` and `kind:`</source>
        <translation>ドキュメントを `apiVersion:` と `kind:` で始めてください</translation>
    </message>
    <message>
        <source>%1 %2 is still served but %3 is the current version; Torii reads it as %3</source>
        <translation>%1 %2 はまだ提供されていますが、現行バージョンは %3 です。Torii は %3 として読み込みます</translation>
    </message>
    <message>
        <source>%1 %2 is no longer served by the v1.6.1 standard CRDs (kubectl apply would fail); Torii reads it as %3</source>
        <translation>%1 %2 は v1.6.1 の standard CRD では提供されていません（kubectl apply は失敗します）。Torii は %3 として読み込みます</translation>
    </message>
    <message>
        <source>write apiVersion: %1 (the fields are the same)</source>
        <translation>apiVersion: %1 と書いてください（フィールドは同じです）</translation>
    </message>
    <message>
        <source>the document expands to more than %1 values (an alias bomb?)</source>
        <translation>ドキュメントを展開すると %1 個を超える値になります（エイリアス爆弾？）</translation>
    </message>
    <message>
        <source>Kubernetes objects never need this many values; look for anchors (&amp;) referenced (*) inside other anchors</source>
        <translation>Kubernetes オブジェクトにこれほど多くの値は不要です。他のアンカーの中で参照（*）されているアンカー（&amp;）を探してください</translation>
    </message>
    <message>
        <source>a map or list cannot be used as a key</source>
        <translation>マップやリストはキーに使えません</translation>
    </message>
    <message>
        <source>Kubernetes objects only use text keys</source>
        <translation>Kubernetes オブジェクトのキーは文字列だけです</translation>
    </message>
    <message>
        <source>duplicate key &quot;%1&quot; (first set at line %2, column %3)</source>
        <translation>キー &quot;%1&quot; が重複しています（最初は %2 行 %3 列）</translation>
    </message>
    <message>
        <source>kubectl rejects a key set twice in one map; keep one of them</source>
        <translation>kubectl は 1 つのマップで 2 回設定されたキーを拒否します。どちらか一方を残してください</translation>
    </message>
    <message>
        <source>YAML does not allow tabs for indentation: indent with spaces</source>
        <translation>YAML のインデントにタブは使えません。スペースでインデントしてください</translation>
    </message>
    <message>
        <source>check the indentation and the quoting around this position; a value with &apos;: &apos; or &apos;#&apos; needs quotes</source>
        <translation>この位置付近のインデントと引用符を確認してください。&apos;: &apos; や &apos;#&apos; を含む値は引用符が必要です</translation>
    </message>
    <message>
        <source>the file is %1 MiB; files over %2 MiB are not read</source>
        <translation>ファイルは %1 MiB です。%2 MiB を超えるファイルは読み込みません</translation>
    </message>
    <message>
        <source>split the manifests into several files</source>
        <translation>マニフェストを複数のファイルに分けてください</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (a NUL byte or an invalid byte sequence here)</source>
        <translation>このファイルは UTF-8 テキストではありません（ここに NUL バイトまたは不正なバイト列があります）</translation>
    </message>
    <message>
        <source>is this the right file? YAML manifests are UTF-8 text</source>
        <translation>正しいファイルですか？ YAML マニフェストは UTF-8 テキストです</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>入れ子が %1 階層を超えています</translation>
    </message>
    <message>
        <source>Kubernetes objects are a few levels deep; is this file generated by mistake?</source>
        <translation>Kubernetes オブジェクトの入れ子は数階層です。誤って生成されたファイルではありませんか？</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 構文エラー: %1</translation>
    </message>
    <message>
        <source>cannot open the file</source>
        <translation>ファイルを開けません</translation>
    </message>
    <message>
        <source>check the path and its permissions</source>
        <translation>パスとアクセス権を確認してください</translation>
    </message>
</context>
<context>
    <name>toriictl</name>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>ヒント: %1</translation>
    </message>
    <message>
        <source>Usage: toriictl [--lang LANG] COMMAND [OPTIONS] ...

Torii, a studio for the Kubernetes Gateway API, without the window.

Commands:
  validate FILE|DIR...   check manifests as the API server with the v1.6.1 CRDs would

Options:
  --lang LANG            language of messages (en, ja); default: the system&apos;s
  --version              print the version
  -h, --help             print this help

Run &apos;toriictl COMMAND --help&apos; for the options of a command.
</source>
        <translation>使い方: toriictl [--lang 言語] コマンド [オプション] ...

Torii（Kubernetes Gateway API のスタジオ）をウィンドウなしで使います。

コマンド:
  validate FILE|DIR...   v1.6.1 の CRD を入れた API サーバーと同じようにマニフェストを検査します

オプション:
  --lang 言語            メッセージの言語（en、ja）。既定はシステムの言語
  --version              バージョンを表示します
  -h, --help             このヘルプを表示します

各コマンドのオプションは &apos;toriictl コマンド --help&apos; で表示されます。
</translation>
    </message>
    <message>
        <source>toriictl: unknown command &quot;%1&quot;</source>
        <translation>toriictl: 不明なコマンド &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Check Kubernetes Gateway API manifests exactly as an API server with the v1.6.1 CRDs would, plus warnings for what would not work as meant.</source>
        <translation>v1.6.1 の CRD を入れた API サーバーとまったく同じように Kubernetes Gateway API のマニフェストを検査し、意図どおりに動かない記述には警告を出します。</translation>
    </message>
    <message>
        <source>Output format: text or json.</source>
        <translation>出力形式: text または json。</translation>
    </message>
    <message>
        <source>Only what the API server checks; no extra warnings.</source>
        <translation>API サーバーが検査する内容だけにし、追加の警告は出しません。</translation>
    </message>
    <message>
        <source>Do not print hints.</source>
        <translation>ヒントを表示しません。</translation>
    </message>
    <message>
        <source>YAML files or folders.</source>
        <translation>YAML ファイルまたはフォルダー。</translation>
    </message>
    <message>
        <source>toriictl validate: unknown output format &quot;%1&quot; (use text or json)</source>
        <translation>toriictl validate: 不明な出力形式 &quot;%1&quot;（text か json を指定してください）</translation>
    </message>
    <message>
        <source>toriictl validate: name at least one file or folder</source>
        <translation>toriictl validate: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: そのようなファイルやフォルダーはありません</translation>
    </message>
    <message>
        <source>objects: %1, files: %2, errors: %3, warnings: %4</source>
        <extracomment>Summary after the diagnostics; one sentence so that every language can order it.</extracomment>
        <translation>オブジェクト: %1、ファイル: %2、エラー: %3、警告: %4</translation>
    </message>
</context>
</TS>
