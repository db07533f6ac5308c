<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Backends</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <extracomment>%1 is the operating system&apos;s reason, e.g. &quot;Address already in use&quot;</extracomment>
        <translation>127.0.0.1:%1 で待ち受けできません: %2</translation>
    </message>
    <message>
        <source>The backend is already running.</source>
        <translation>バックエンドはすでに動作しています。</translation>
    </message>
</context>
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
    <message>
        <source>%1 is defined again later; the later definition is the one reconciled.</source>
        <translation>%1 は後で再定義されています。リコンサイルされるのは後の定義です。</translation>
    </message>
    <message>
        <source>%1 names parent %2 %3, which is not among the loaded objects.</source>
        <translation>%1 が親に指定している %2 %3 は、読み込んだオブジェクトの中にありません。</translation>
    </message>
    <message>
        <source>GatewayClass %1: parametersRef %2 is not among the loaded objects. Torii accepts the class because every class is accepted; its own controller would report Accepted=False with reason InvalidParameters.</source>
        <translation>GatewayClass %1: parametersRef %2 は読み込んだオブジェクトの中にありません。すべてのクラスを受け入れる設定のため Torii はこのクラスを受け入れますが、本来のコントローラーなら reason InvalidParameters で Accepted=False を報告します。</translation>
    </message>
    <message>
        <source>Gateway %1 names GatewayClass %2, which is not among the loaded objects: no controller reconciles it.</source>
        <translation>Gateway %1 が指定している GatewayClass %2 は読み込んだオブジェクトの中にありません。この Gateway をリコンサイルするコントローラーはありません。</translation>
    </message>
    <message>
        <source>Gateway %1 names GatewayClass %2, which is not among the loaded objects; Torii serves it through an implicit class because every class is accepted.</source>
        <translation>Gateway %1 が指定している GatewayClass %2 は読み込んだオブジェクトの中にありません。すべてのクラスを受け入れる設定のため、Torii は暗黙のクラスでこの Gateway を扱います。</translation>
    </message>
    <message>
        <source>%1 %2/%3: invalid regular expression &quot;%4&quot; (%5); this match never matches</source>
        <translation>%1 %2/%3: 正規表現 &quot;%4&quot; が不正です（%5）。この match は何にも一致しません</translation>
    </message>
    <message>
        <source>Gateway API regular expressions use RE2 syntax: no lookaround and no backreferences; escape a literal &apos;.&apos; or &apos;?&apos; with a backslash.</source>
        <translation>Gateway API の正規表現は RE2 構文です。先読み・後読みと後方参照は使えません。文字としての &apos;.&apos; や &apos;?&apos; はバックスラッシュでエスケープしてください。</translation>
    </message>
    <message>
        <source>cluster-only (the case says no more)</source>
        <translation>cluster-only（ケースに理由の記載なし）</translation>
    </message>
    <message>
        <source>cluster-only: %1</source>
        <translation>cluster-only: %1</translation>
    </message>
    <message>
        <source>requires %1, which Torii does not claim</source>
        <translation>Torii が対応を宣言していない %1 が必要です</translation>
    </message>
    <message>
        <source>runs only for an implementation that does not claim %1, and Torii claims it</source>
        <translation>%1 を宣言していない実装でのみ実行されますが、Torii は宣言しています</translation>
    </message>
    <message>
        <source>runs only for an implementation that also claims %1, which Torii does not claim</source>
        <translation>%1 も宣言している実装でのみ実行されますが、Torii は宣言していません</translation>
    </message>
    <message>
        <source>no status assertions: everything this test checks is in its requests, which need the live gateway</source>
        <translation>ステータスのアサーションがありません。このテストが検査する内容はすべてリクエストにあり、実際に動作するゲートウェイが必要です</translation>
    </message>
    <message>
        <source>cannot load manifest %1: %2</source>
        <translation>マニフェスト %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1: follows a step the case describes only in prose (&quot;%2&quot;), which the runner cannot perform</source>
        <translation>%1: ケースが文章でしか説明していない手順（&quot;%2&quot;）の後にあります。ランナーはその手順を実行できません</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 を適用しました</translation>
    </message>
    <message>
        <source>cannot %1: %2</source>
        <translation>%1 を実行できません: %2</translation>
    </message>
    <message>
        <source>%1: expected listener &quot;%2&quot; in status.listeners; found %3</source>
        <translation>%1: status.listeners にリスナー &quot;%2&quot; があるはずですが、実際は %3 です</translation>
    </message>
    <message>
        <source>%1: listener &quot;%2&quot; lacks condition %3; it has %4</source>
        <translation>%1: リスナー &quot;%2&quot; にコンディション %3 がありません。あるのは %4 です</translation>
    </message>
    <message>
        <source>%1: expected exactly %2 entries in status.listeners (%3); found %4 (%5)</source>
        <translation>%1: status.listeners の要素はちょうど %2 個（%3）のはずですが、実際は %4 個（%5）です</translation>
    </message>
    <message>
        <source>%1: listener &quot;%2&quot; must list no supportedKinds; it lists %3</source>
        <translation>%1: リスナー &quot;%2&quot; の supportedKinds は空でなければなりませんが、%3 が挙げられています</translation>
    </message>
    <message>
        <source>%1: listener &quot;%2&quot; lacks supportedKinds entry %3; it lists %4</source>
        <translation>%1: リスナー &quot;%2&quot; の supportedKinds に %3 がありません。挙げられているのは %4 です</translation>
    </message>
    <message>
        <source>%1: listener &quot;%2&quot; has attachedRoutes %3; expected %4</source>
        <translation>%1: リスナー &quot;%2&quot; の attachedRoutes は %3 ですが、%4 のはずです</translation>
    </message>
    <message>
        <source>%1: expected no status.listeners, or exactly one listener with attachedRoutes 0; found %2</source>
        <translation>%1: status.listeners がないか、attachedRoutes が 0 のリスナーがちょうど 1 つのはずですが、実際は %2 です</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has controllerName %3; expected &quot;%4&quot;</source>
        <translation>%1: %2 に対する status.parents の要素の controllerName は %3 ですが、&quot;%4&quot; のはずです</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has parentRef.%3 %4; expected &quot;%5&quot; written out</source>
        <translation>%1: %2 に対する status.parents の要素の parentRef.%3 は %4 ですが、&quot;%5&quot; と明示されているはずです</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has parentRef.namespace %3; expected %4 (namespaceRequired)</source>
        <translation>%1: %2 に対する status.parents の要素の parentRef.namespace は %3 ですが、%4 のはずです（namespaceRequired）</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has parentRef.namespace %3; expected %4 or absent</source>
        <translation>%1: %2 に対する status.parents の要素の parentRef.namespace は %3 ですが、%4 であるか省略されているはずです</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 lacks condition %3; it has %4</source>
        <translation>%1: %2 に対する status.parents の要素にコンディション %3 がありません。あるのは %4 です</translation>
    </message>
    <message>
        <source>%1: expected a status.parents entry for %2 with %3; found %4</source>
        <translation>%1: %2 に対する、%3 を持つ status.parents の要素があるはずですが、実際は %4 です</translation>
    </message>
    <message>
        <source>%1: expected a status.%2 entry for %3 with %4; found %5</source>
        <translation>%1: %3 に対する、%4 を持つ status.%2 の要素があるはずですが、実際は %5 です</translation>
    </message>
    <message>
        <source>%1: expected condition %2 on the status.%3 entry for %4; it has %5</source>
        <translation>%1: %4 に対する status.%3 の要素にコンディション %2 があるはずですが、あるのは %5 です</translation>
    </message>
    <message>
        <source>%1: expected no status.parents, or exactly one entry whose Accepted condition is False; found %2</source>
        <translation>%1: status.parents がないか、Accepted コンディションが False の要素がちょうど 1 つのはずですが、実際は %2 です</translation>
    </message>
    <message>
        <source>a route-test file is a map with a `tests` list</source>
        <translation>ルートテストのファイルは `tests` リストを持つマップです</translation>
    </message>
    <message>
        <source>a test named &quot;%1&quot; is already in this file</source>
        <translation>&quot;%1&quot; という名前のテストはこのファイルにすでにあります</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; is ignored by this runner</source>
        <translation>不明なフィールド &quot;%1&quot; はこのランナーでは無視されます</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a single value</source>
        <translation>&quot;%1&quot; は単一の値でなければなりません</translation>
    </message>
    <message>
        <source>missing required field &quot;%1&quot;</source>
        <translation>必須フィールド &quot;%1&quot; がありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an integer, not %2</source>
        <translation>&quot;%1&quot; は整数でなければなりません（値: %2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not %2</source>
        <translation>&quot;%1&quot; は true か false でなければなりません（値: %2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation>&quot;%1&quot; はリストでなければなりません</translation>
    </message>
    <message>
        <source>%1 must be a map</source>
        <translation>%1 はマップでなければなりません</translation>
    </message>
    <message>
        <source>the items of &quot;%1&quot; must be single values</source>
        <translation>&quot;%1&quot; の要素は単一の値でなければなりません</translation>
    </message>
    <message>
        <source>a condition status is &quot;True&quot;, &quot;False&quot; or &quot;Unknown&quot;, not &quot;%1&quot;</source>
        <translation>コンディションの status は &quot;True&quot;、&quot;False&quot;、&quot;Unknown&quot; のいずれかで、&quot;%1&quot; は使えません</translation>
    </message>
    <message>
        <source>an action has exactly one of patch, delete, fillEndpointSlices</source>
        <translation>action には patch、delete、fillEndpointSlices のうちちょうど 1 つが必要です</translation>
    </message>
    <message>
        <source>a patch needs `set`: a map of field path to value</source>
        <translation>patch には `set`（フィールドパスから値へのマップ）が必要です</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (patch, delete or fillEndpointSlices)</source>
        <translation>不明な action &quot;%1&quot;（patch、delete、fillEndpointSlices のいずれか）</translation>
    </message>
    <message>
        <source>unknown check &quot;%1&quot;</source>
        <translation>不明な check &quot;%1&quot;</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; means nothing to check &quot;%2&quot; and is ignored</source>
        <translation>フィールド &quot;%1&quot; は check &quot;%2&quot; では意味を持たないため無視されます</translation>
    </message>
    <message>
        <source>applicability is &quot;simulated&quot; or &quot;cluster-only&quot;, not &quot;%1&quot;</source>
        <translation>applicability は &quot;simulated&quot; か &quot;cluster-only&quot; で、&quot;%1&quot; は使えません</translation>
    </message>
    <message>
        <source>a route-test file holds exactly one YAML document, not %1</source>
        <translation>ルートテストのファイルには YAML ドキュメントがちょうど 1 つ必要です（このファイルには %1 個あります）</translation>
    </message>
    <message>
        <source>%1: %2 holds</source>
        <translation>%1: %2 を満たしています</translation>
    </message>
    <message>
        <source>%1: condition %2 of %3 has observedGeneration %4, but metadata.generation is %5 (the status is not up to date)</source>
        <translation>%1: %3 のコンディション %2 の observedGeneration は %4 ですが、metadata.generation は %5 です（ステータスが最新ではありません）</translation>
    </message>
    <message>
        <source>%1: expected status.addresses to hold an entry with a type; found %2</source>
        <translation>%1: status.addresses に type を持つ要素があるはずですが、実際は %2 です</translation>
    </message>
    <message>
        <source>%1: expected condition %2 in status.conditions; it has %3</source>
        <translation>%1: status.conditions にコンディション %2 があるはずですが、あるのは %3 です</translation>
    </message>
    <message>
        <source>%1: expected status.attachedListenerSets %2; found %3</source>
        <translation>%1: status.attachedListenerSets は %2 のはずですが、実際は %3 です</translation>
    </message>
    <message>
        <source>%1: the expected addresses are spelled out only in prose (%2), which this runner cannot compare</source>
        <translation>%1: 期待されるアドレスが文章（%2）でしか書かれていないため、このランナーでは比較できません</translation>
    </message>
    <message>
        <source>%1: expected status.addresses to hold %2; found %3</source>
        <translation>%1: status.addresses に %2 があるはずですが、実際は %3 です</translation>
    </message>
    <message>
        <source>%1: expected conditions at generation %2; the status has no conditions</source>
        <translation>%1: generation %2 のコンディションがあるはずですが、ステータスにコンディションがありません</translation>
    </message>
    <message>
        <source>%1: generationChanged compares with the generation before an action, and no action has run before it</source>
        <translation>%1: generationChanged は action 実行前の generation と比較しますが、これより前に action が実行されていません</translation>
    </message>
    <message>
        <source>%1 did not exist before the last action</source>
        <translation>%1 は直前の action の前には存在しませんでした</translation>
    </message>
    <message>
        <source>%1: expected metadata.generation to differ from %2, its value before the last action; it is still %2</source>
        <translation>%1: metadata.generation は直前の action の前の値 %2 から変わっているはずですが、%2 のままです</translation>
    </message>
    <message>
        <source>%1 is not ready: %2 lacks condition %3; it has %4</source>
        <translation>%1 の準備ができていません: %2 にコンディション %3 がありません。あるのは %4 です</translation>
    </message>
    <message>
        <source>%1 is not ready: condition %2 of %3 has observedGeneration %4, but metadata.generation is %5</source>
        <translation>%1 の準備ができていません: %3 のコンディション %2 の observedGeneration は %4 ですが、metadata.generation は %5 です</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 は存在しません</translation>
    </message>
    <message>
        <source>%1 has no status: no controller wrote one</source>
        <translation>%1 にはステータスがありません（どのコントローラーも書き込んでいません）</translation>
    </message>
    <message>
        <source>%1: unknown check</source>
        <translation>%1: 不明な check</translation>
    </message>
    <message>
        <source>the status was checked; the requests need %1, which the local gateway does not apply yet</source>
        <translation>ステータスは検査しました。リクエストには %1 が必要ですが、ローカルゲートウェイはまだ適用しません</translation>
    </message>
    <message>
        <source>%1 is not supported by the request runner</source>
        <translation>%1 はリクエストランナーでまだ扱えません</translation>
    </message>
    <message>
        <source>protocol %1 not served yet</source>
        <translation>プロトコル %1 はまだ提供されません</translation>
    </message>
    <message>
        <source>request.%1 needs TLS, which the local gateway does not serve yet</source>
        <translation>request.%1 には TLS が必要ですが、ローカルゲートウェイはまだ提供しません</translation>
    </message>
    <message>
        <source>expect.%1 needs request mirroring, which the local gateway does not apply yet</source>
        <translation>expect.%1 にはリクエストのミラーリングが必要ですが、ローカルゲートウェイはまだ適用しません</translation>
    </message>
    <message>
        <source>expect.%1 needs TLS, which the local gateway does not serve yet</source>
        <translation>expect.%1 には TLS が必要ですが、ローカルゲートウェイはまだ提供しません</translation>
    </message>
    <message>
        <source>expect.%1 needs WebSocket, which the local gateway does not serve yet</source>
        <translation>expect.%1 には WebSocket が必要ですが、ローカルゲートウェイはまだ提供しません</translation>
    </message>
    <message>
        <source>cannot follow the redirect to %1: it leaves the local gateway</source>
        <translation>%1 へのリダイレクトはローカルゲートウェイの外へ出るため、たどれません</translation>
    </message>
    <message>
        <source>%1: %2: expected %3, got %4</source>
        <translation>%1: %2: %3 のはずですが、実際は %4 です</translation>
    </message>
    <message>
        <source>%1: no response: %2</source>
        <translation>%1: 応答がありません: %2</translation>
    </message>
    <message>
        <source>%1: distribution %2 of %3 answers is within %4 of %5</source>
        <translation>%1: %3 件の応答の配分 %2 は %5 から %4 以内です</translation>
    </message>
    <message>
        <source>%1: distribution: no attempt of %2 met the shares %3 within %4; the last one saw %5</source>
        <translation>%1: 配分: %2 回の試行のどれも割合 %3 を %4 以内で満たしませんでした。最後の試行の結果は %5 です</translation>
    </message>
    <message>
        <source>%1: all %2 responses met the expectation</source>
        <translation>%1: %2 件の応答すべてが期待を満たしました</translation>
    </message>
    <message>
        <source>%1: status %2 from %3</source>
        <translation>%1: %3 からステータス %2</translation>
    </message>
    <message>
        <source>%1: no gateway to send to: neither the test nor the request names one</source>
        <translation>%1: 送信先のゲートウェイがありません。テストにもリクエストにも指定がありません</translation>
    </message>
    <message>
        <source>%1: gateway %2 is not among the loaded objects</source>
        <translation>%1: ゲートウェイ %2 は読み込まれたオブジェクトの中にありません</translation>
    </message>
    <message>
        <source>%1: listener port %2 of gateway %3 is not served by the local gateway (it serves accepted HTTP listeners only)</source>
        <translation>%1: ゲートウェイ %3 のリスナーポート %2 はローカルゲートウェイで提供されていません（提供するのは受け入れられた HTTP リスナーのみです）</translation>
    </message>
    <message>
        <source>cannot start the local gateway: %1</source>
        <translation>ローカルゲートウェイを起動できません: %1</translation>
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
    <message>
        <source>toriictl test: the output option is &quot;-o junit FILE&quot;</source>
        <translation>toriictl test: 出力オプションは &quot;-o junit FILE&quot; の形式です</translation>
    </message>
    <message>
        <source>PASS %1</source>
        <extracomment>A test passed. Keep the word PASS as is: scripts read it.</extracomment>
        <translation>PASS %1</translation>
    </message>
    <message>
        <source>FAIL %1: %2</source>
        <extracomment>A test failed, and why. Keep the word FAIL as is: scripts read it.</extracomment>
        <translation>FAIL %1: %2</translation>
    </message>
    <message>
        <source>SKIP %1: %2</source>
        <extracomment>A test was not run, and why. Keep the word SKIP as is: scripts read it.</extracomment>
        <translation>SKIP %1: %2</translation>
    </message>
    <message>
        <source>  %1 %2:%3: [%4] %5</source>
        <extracomment>One assertion or action of a test (--verbose): verdict, file:line, [check], message.</extracomment>
        <translation>  %1 %2:%3: [%4] %5</translation>
    </message>
    <message>
        <source>A case file, or a folder of them (may be repeated; more may follow as arguments).</source>
        <translation>ケースファイル、またはそれを収めたフォルダー（繰り返し指定できます。引数として続けて指定することもできます）。</translation>
    </message>
    <message>
        <source>Set up as the conformance suite does: the GatewayClass under test, its rewrites, and the generated certificates.</source>
        <translation>コンフォーマンススイートと同じように準備します: テスト対象の GatewayClass、その書き換え、生成した証明書。</translation>
    </message>
    <message>
        <source>Folder the cases&apos; manifest paths are relative to (default: the case file&apos;s ../manifests).</source>
        <translation>ケースのマニフェストのパスの基準となるフォルダー（既定: ケースファイルの ../manifests）。</translation>
    </message>
    <message>
        <source>Accept every GatewayClass, whatever its controllerName.</source>
        <translation>controllerName にかかわらず、すべての GatewayClass を受け入れます。</translation>
    </message>
    <message>
        <source>Also print every assertion and action of each test.</source>
        <translation>各テストのすべてのアサーションと action も表示します。</translation>
    </message>
    <message>
        <source>Also write the results as JUnit XML: -o junit FILE.</source>
        <translation>結果を JUnit XML としても書き出します: -o junit FILE。</translation>
    </message>
    <message>
        <source>More case files or folders.</source>
        <translation>追加のケースファイルまたはフォルダー。</translation>
    </message>
    <message>
        <source>toriictl test: name the case files with --cases FILE|DIR</source>
        <translation>toriictl test: --cases FILE|DIR でケースファイルを指定してください</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: そのようなフォルダーはありません</translation>
    </message>
    <message>
        <source>toriictl test: no case files (*.yaml, *.yml) in %1</source>
        <translation>toriictl test: %1 にケースファイル（*.yaml, *.yml）がありません</translation>
    </message>
    <message>
        <source>toriictl test: fix the case files above; no test was run</source>
        <translation>toriictl test: 上のケースファイルを修正してください。テストは実行されていません</translation>
    </message>
    <message>
        <source>toriictl test: cannot set up the run: %1</source>
        <translation>toriictl test: 実行の準備ができません: %1</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 skipped</source>
        <extracomment>The last line of `toriictl test`; scripts read it.</extracomment>
        <translation>%1 passed, %2 failed, %3 skipped</translation>
    </message>
    <message>
        <source>%1: cannot write the JUnit report: %2</source>
        <translation>%1: JUnit レポートを書き込めません: %2</translation>
    </message>
    <message>
        <source>no backend</source>
        <translation>バックエンドなし</translation>
    </message>
    <message>
        <source>Show the compiled route table of every Gateway, in precedence order, and explain where a request lands.</source>
        <translation>すべての Gateway のコンパイル済みルートテーブルを優先順に表示し、リクエストの行き先を説明します。</translation>
    </message>
    <message>
        <source>Accept every GatewayClass, whatever its controllerName, and serve Gateways whose class is not loaded.</source>
        <translation>controllerName にかかわらずすべての GatewayClass を受け入れ、クラスが読み込まれていない Gateway も扱います。</translation>
    </message>
    <message>
        <source>Only this Gateway (namespace/name).</source>
        <translation>指定した Gateway のみ（namespace/name）。</translation>
    </message>
    <message>
        <source>Explain where METHOD URL lands: give the method here and the URL as the first positional argument.</source>
        <translation>METHOD URL の行き先を説明します。メソッドはここで、URL は最初の位置引数で指定します。</translation>
    </message>
    <message>
        <source>A request header for --explain, &apos;name: value&apos;.</source>
        <translation>--explain で使うリクエストヘッダー（&apos;name: value&apos;）。</translation>
    </message>
    <message>
        <source>toriictl routes: --explain needs a URL</source>
        <translation>toriictl routes: --explain には URL が必要です</translation>
    </message>
    <message>
        <source>toriictl routes: &quot;%1&quot; is not a URL such as http://shop.example.com/cart</source>
        <translation>toriictl routes: &quot;%1&quot; は http://shop.example.com/cart のような URL ではありません</translation>
    </message>
    <message>
        <source>toriictl routes: name at least one file or folder</source>
        <translation>toriictl routes: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl routes: header &quot;%1&quot; is not &apos;name: value&apos;</source>
        <translation>toriictl routes: ヘッダー &quot;%1&quot; が &apos;name: value&apos; の形式ではありません</translation>
    </message>
    <message>
        <source>Gateway %1, port %2:</source>
        <translation>Gateway %1、ポート %2:</translation>
    </message>
    <message>
        <source>lands on %1 (host %2) → %3</source>
        <translation>行き先: %1（ホスト %2）→ %3</translation>
    </message>
    <message>
        <source>no route matches: the gateway answers 404</source>
        <translation>一致するルートがありません。ゲートウェイは 404 を返します</translation>
    </message>
    <message>
        <source>no Gateway has a listener on port %1</source>
        <translation>ポート %1 にリスナーを持つ Gateway はありません</translation>
    </message>
    <message>
        <source>no status: no controller owns this object</source>
        <translation>ステータスなし: このオブジェクトを管理するコントローラーがありません</translation>
    </message>
    <message>
        <source>listener %1: %2 attached route(s), kinds: %3</source>
        <translation>リスナー %1: アタッチされたルート %2 個、kind: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>parent %1</source>
        <translation>親 %1</translation>
    </message>
    <message>
        <source>ancestor %1</source>
        <translation>祖先 %1</translation>
    </message>
    <message>
        <source>Show the status a Gateway API controller would report for each object.</source>
        <translation>各オブジェクトについて、Gateway API コントローラーが報告するはずのステータスを表示します。</translation>
    </message>
    <message>
        <source>Output format: text, yaml or json.</source>
        <translation>出力形式: text、yaml または json。</translation>
    </message>
    <message>
        <source>toriictl status: unknown output format &quot;%1&quot; (use text, yaml or json)</source>
        <translation>toriictl status: 不明な出力形式 &quot;%1&quot;（text、yaml、json のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>toriictl status: name at least one file or folder</source>
        <translation>toriictl status: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>Usage: toriictl [--lang LANG] COMMAND [OPTIONS] ...

Torii, a studio for the Kubernetes Gateway API, without the window.

Commands:
  validate FILE|DIR...   check manifests as the API server with the v1.6.1 CRDs would
  status FILE|DIR...     show the status a Gateway controller would report
  routes FILE|DIR...     show the compiled route tables; --explain METHOD URL
  serve FILE|DIR...      run the design as a live local gateway with mock backends
  test --cases FILE|DIR  run route tests; today their status checks (--status-only)

Options:
  --lang LANG            language of messages (en, ja); default: the system&apos;s
  --version              print the version
  -h, --help             print this help

Run &apos;toriictl COMMAND --help&apos; for the options of a command.
</source>
        <translation>使い方: toriictl [--lang LANG] COMMAND [OPTIONS] ...

Torii（Kubernetes Gateway API のスタジオ）をウィンドウなしで使います。

コマンド:
  validate FILE|DIR...   v1.6.1 の CRD を入れた API サーバーと同じようにマニフェストを検査します
  status FILE|DIR...     Gateway コントローラーが報告するステータスを表示します
  routes FILE|DIR...     コンパイル済みのルートテーブルを表示します。--explain METHOD URL
  serve FILE|DIR...      設計をモックバックエンド付きのローカルゲートウェイとして動かします
  test --cases FILE|DIR  ルートテストを実行します（現在はステータスの検査のみ: --status-only）

オプション:
  --lang LANG            メッセージの言語（en、ja）。既定はシステムの言語
  --version              バージョンを表示します
  -h, --help             このヘルプを表示します

各コマンドのオプションは &apos;toriictl COMMAND --help&apos; で表示されます。
</translation>
    </message>
    <message>
        <source>Run the design as a live local gateway with mock backends.</source>
        <translation>設計をモックバックエンド付きのローカルゲートウェイとして動かします。</translation>
    </message>
    <message>
        <source>Let the system choose the local ports.</source>
        <translation>ローカルのポートをシステムに選ばせます。</translation>
    </message>
    <message>
        <source>Stop after this many seconds.</source>
        <translation>指定した秒数で停止します。</translation>
    </message>
    <message>
        <source>Send a Service&apos;s traffic to a real local app instead of a mock: NAMESPACE/NAME=127.0.0.1:PORT.</source>
        <translation>Service へのトラフィックをモックではなくローカルの実アプリに送ります: NAMESPACE/NAME=127.0.0.1:PORT。</translation>
    </message>
    <message>
        <source>toriictl serve: name at least one file or folder</source>
        <translation>toriictl serve: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl serve: --backend wants NAMESPACE/NAME=127.0.0.1:PORT, not &quot;%1&quot;</source>
        <translation>toriictl serve: --backend には &quot;%1&quot; ではなく NAMESPACE/NAME=127.0.0.1:PORT を指定してください</translation>
    </message>
    <message>
        <source>%1 listener %2 (%3) → http://127.0.0.1:%4
</source>
        <translation>%1 のリスナー %2 (%3) → http://127.0.0.1:%4
</translation>
    </message>
    <message>
        <source>try: %1
</source>
        <translation>試す: %1
</translation>
    </message>
    <message>
        <source>serving; Ctrl+C stops
</source>
        <translation>提供中です。Ctrl+C で停止します
</translation>
    </message>
    <message>
        <source>stopped after %1 s; %2 request(s) served
</source>
        <translation>%1 秒で停止しました。%2 件のリクエストを処理しました
</translation>
    </message>
    <message>
        <source>%1 listener %2 (%3): not served yet; Torii&apos;s gateway serves HTTP listeners today, HTTPS, TLS, TCP and UDP arrive with the next parts of the live gateway
</source>
        <translation>%1 のリスナー %2 (%3): まだ提供されません。Torii のゲートウェイが現在提供するのは HTTP リスナーのみで、HTTPS、TLS、TCP、UDP はローカルゲートウェイの次の段階で加わります
</translation>
    </message>
    <message>
        <source>Run route tests (the Gateway API conformance case format): load each test&apos;s manifests, compute the status a Gateway controller would report and check it, then send the test&apos;s requests through the live local gateway and check the answers.</source>
        <translation>ルートテスト（Gateway API コンフォーマンスのケース形式）を実行します。各テストのマニフェストを読み込み、Gateway コントローラーが報告するステータスを計算して検査し、続いてテストのリクエストをローカルゲートウェイに送って応答を検査します。</translation>
    </message>
    <message>
        <source>Check the status assertions only; send no requests.</source>
        <translation>ステータスのアサーションだけを検査し、リクエストは送りません。</translation>
    </message>
    <message>
        <source>Do not make up Services the routes name but the workspace lacks; their share answers 500, as in a cluster.</source>
        <translation>ルートが指定しているがワークスペースにない Service を補いません。その割合はクラスターと同じく 500 を返します。</translation>
    </message>
    <message>
        <source>implicit Service %1: the workspace has no Service of that name; a mock backend stands in
</source>
        <translation>暗黙の Service %1: ワークスペースにこの名前の Service がないため、モックバックエンドが代わりに応答します
</translation>
    </message>
</context>
</TS>
