<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Backends</name>
    <message>
        <source>Cannot listen on 127.0.0.1:%1: %2</source>
        <extracomment>%1 is the operating system's reason, e.g. "Address already in use"</extracomment>
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
        <source>add the field that matches the filter's type, or change type</source>
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
        <source>start the path with '/'</source>
        <translation>パスは '/' で始めてください</translation>
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
        <source>use lower-case letters, digits, '-' and '.', with '*.' only as the first label</source>
        <translation>小文字・数字・'-'・'.' を使い、'*.' は先頭のラベルにだけ使ってください</translation>
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
        <source>load balancing is set by the implementation's own policy resource</source>
        <translation>ロードバランシングは各実装独自のポリシーリソースで設定します</translation>
    </message>
    <message>
        <source>connection limits are set by the implementation's own policy resource</source>
        <translation>接続数の上限は各実装独自のポリシーリソースで設定します</translation>
    </message>
    <message>
        <source>keep-alive is set by the implementation's own client traffic policy</source>
        <translation>keep-alive は各実装独自のクライアントトラフィックポリシーで設定します</translation>
    </message>
    <message>
        <source>idle timeouts are set by the implementation's own client traffic policy</source>
        <translation>アイドルタイムアウトは各実装独自のクライアントトラフィックポリシーで設定します</translation>
    </message>
    <message>
        <source>tracing is configured by the implementation (e.g. its telemetry policy)</source>
        <translation>トレーシングは各実装（テレメトリーポリシーなど）で設定します</translation>
    </message>
    <message>
        <source>no implementation reads this; use the implementation's log level setting</source>
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
        <source>"%1" holds a ${...} placeholder that would be sent literally</source>
        <translation>"%1" の ${...} プレースホルダーは展開されず、そのまま送信されます</translation>
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
        <source>the part before '/' must be a DNS subdomain such as example.com</source>
        <translation>'/' より前の部分は example.com のような DNS サブドメインでなければなりません</translation>
    </message>
    <message>
        <source>use letters, digits, '-', '_' and '.', 63 characters at most</source>
        <translation>英字・数字・'-'・'_'・'.' を使い、63 文字以内にしてください</translation>
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
        <source>use lower-case letters, digits, '-' and '.'</source>
        <translation>小文字・数字・'-'・'.' を使ってください</translation>
    </message>
    <message>
        <source>remove metadata.namespace</source>
        <translation>metadata.namespace を削除してください</translation>
    </message>
    <message>
        <source>use lower-case letters, digits and '-', 63 characters at most</source>
        <translation>小文字・数字・'-' を使い、63 文字以内にしてください</translation>
    </message>
    <message>
        <source>quote the value: "%1"</source>
        <translation>値を引用符で囲んでください: "%1"</translation>
    </message>
    <message>
        <source>annotations are limited to 256 KiB in all</source>
        <translation>アノテーションは合計 256 KiB までです</translation>
    </message>
    <message>
        <source>did you mean "%1"?</source>
        <translation>"%1" のことですか？</translation>
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
        <source>no matches for kind "%1" in group "%2"</source>
        <translation>グループ "%2" に kind "%1" はありません</translation>
    </message>
    <message>
        <source>check the spelling of kind; the Gateway API kinds are GatewayClass, Gateway, ListenerSet, HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute, ReferenceGrant, BackendTLSPolicy</source>
        <translation>kind の綴りを確認してください。Gateway API の kind は GatewayClass、Gateway、ListenerSet、HTTPRoute、GRPCRoute、TCPRoute、UDPRoute、TLSRoute、ReferenceGrant、BackendTLSPolicy です</translation>
    </message>
    <message>
        <source>no matches for kind "%1" in version "%2"</source>
        <translation>バージョン "%2" に kind "%1" はありません</translation>
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
        <source>duplicate key "%1" (first set at line %2, column %3)</source>
        <translation>キー "%1" が重複しています（最初は %2 行 %3 列）</translation>
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
        <source>check the indentation and the quoting around this position; a value with ': ' or '#' needs quotes</source>
        <translation>この位置付近のインデントと引用符を確認してください。': ' や '#' を含む値は引用符が必要です</translation>
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
        <source>%1 %2/%3: invalid regular expression "%4" (%5); this match never matches</source>
        <translation>%1 %2/%3: 正規表現 "%4" が不正です（%5）。この match は何にも一致しません</translation>
    </message>
    <message>
        <source>Gateway API regular expressions use RE2 syntax: no lookaround and no backreferences; escape a literal '.' or '?' with a backslash.</source>
        <translation>Gateway API の正規表現は RE2 構文です。先読み・後読みと後方参照は使えません。文字としての '.' や '?' はバックスラッシュでエスケープしてください。</translation>
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
        <source>%1: follows a step the case describes only in prose ("%2"), which the runner cannot perform</source>
        <translation>%1: ケースが文章でしか説明していない手順（"%2"）の後にあります。ランナーはその手順を実行できません</translation>
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
        <source>%1: expected listener "%2" in status.listeners; found %3</source>
        <translation>%1: status.listeners にリスナー "%2" があるはずですが、実際は %3 です</translation>
    </message>
    <message>
        <source>%1: listener "%2" lacks condition %3; it has %4</source>
        <translation>%1: リスナー "%2" にコンディション %3 がありません。あるのは %4 です</translation>
    </message>
    <message>
        <source>%1: expected exactly %2 entries in status.listeners (%3); found %4 (%5)</source>
        <translation>%1: status.listeners の要素はちょうど %2 個（%3）のはずですが、実際は %4 個（%5）です</translation>
    </message>
    <message>
        <source>%1: listener "%2" must list no supportedKinds; it lists %3</source>
        <translation>%1: リスナー "%2" の supportedKinds は空でなければなりませんが、%3 が挙げられています</translation>
    </message>
    <message>
        <source>%1: listener "%2" lacks supportedKinds entry %3; it lists %4</source>
        <translation>%1: リスナー "%2" の supportedKinds に %3 がありません。挙げられているのは %4 です</translation>
    </message>
    <message>
        <source>%1: listener "%2" has attachedRoutes %3; expected %4</source>
        <translation>%1: リスナー "%2" の attachedRoutes は %3 ですが、%4 のはずです</translation>
    </message>
    <message>
        <source>%1: expected no status.listeners, or exactly one listener with attachedRoutes 0; found %2</source>
        <translation>%1: status.listeners がないか、attachedRoutes が 0 のリスナーがちょうど 1 つのはずですが、実際は %2 です</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has controllerName %3; expected "%4"</source>
        <translation>%1: %2 に対する status.parents の要素の controllerName は %3 ですが、"%4" のはずです</translation>
    </message>
    <message>
        <source>%1: the status.parents entry for %2 has parentRef.%3 %4; expected "%5" written out</source>
        <translation>%1: %2 に対する status.parents の要素の parentRef.%3 は %4 ですが、"%5" と明示されているはずです</translation>
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
        <source>a test named "%1" is already in this file</source>
        <translation>"%1" という名前のテストはこのファイルにすでにあります</translation>
    </message>
    <message>
        <source>unknown field "%1" is ignored by this runner</source>
        <translation>不明なフィールド "%1" はこのランナーでは無視されます</translation>
    </message>
    <message>
        <source>"%1" must be a single value</source>
        <translation>"%1" は単一の値でなければなりません</translation>
    </message>
    <message>
        <source>missing required field "%1"</source>
        <translation>必須フィールド "%1" がありません</translation>
    </message>
    <message>
        <source>"%1" must be an integer, not %2</source>
        <translation>"%1" は整数でなければなりません（値: %2）</translation>
    </message>
    <message>
        <source>"%1" must be true or false, not %2</source>
        <translation>"%1" は true か false でなければなりません（値: %2）</translation>
    </message>
    <message>
        <source>"%1" must be a list</source>
        <translation>"%1" はリストでなければなりません</translation>
    </message>
    <message>
        <source>%1 must be a map</source>
        <translation>%1 はマップである必要があります</translation>
    </message>
    <message>
        <source>the items of "%1" must be single values</source>
        <translation>"%1" の要素は単一の値でなければなりません</translation>
    </message>
    <message>
        <source>a condition status is "True", "False" or "Unknown", not "%1"</source>
        <translation>コンディションの status は "True"、"False"、"Unknown" のいずれかで、"%1" は使えません</translation>
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
        <source>unknown action "%1" (patch, delete or fillEndpointSlices)</source>
        <translation>不明な action "%1"（patch、delete、fillEndpointSlices のいずれか）</translation>
    </message>
    <message>
        <source>unknown check "%1"</source>
        <translation>不明な check "%1"</translation>
    </message>
    <message>
        <source>field "%1" means nothing to check "%2" and is ignored</source>
        <translation>フィールド "%1" は check "%2" では意味を持たないため無視されます</translation>
    </message>
    <message>
        <source>applicability is "simulated" or "cluster-only", not "%1"</source>
        <translation>applicability は "simulated" か "cluster-only" で、"%1" は使えません</translation>
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
        <source>cannot start the local gateway: %1</source>
        <translation>ローカルゲートウェイを起動できません: %1</translation>
    </message>
    <message>
        <source>made up by the studio</source>
        <translation>スタジオが補ったもの</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>受理済み</translation>
    </message>
    <message>
        <source>accepted with problems</source>
        <translation>受理済み（問題あり）</translation>
    </message>
    <message>
        <source>not accepted</source>
        <translation>未受理</translation>
    </message>
    <message>
        <source>no controller</source>
        <translation>コントローラーなし</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>%1 was made up by the studio and is not exported</source>
        <translation>%1 はスタジオが補ったものなので書き出しません</translation>
    </message>
    <message>
        <source>%1 holds a private key and is not exported</source>
        <translation>%1 は秘密鍵を含むので書き出しません</translation>
    </message>
    <message>
        <source>create it in the cluster separately (or let cert-manager issue it), or export with secrets included</source>
        <translation>クラスターで別に作成する（または cert-manager に発行させる）か、シークレットを含めて書き出してください</translation>
    </message>
    <message>
        <source>the cluster will reject %1: %2</source>
        <translation>クラスターは %1 を拒否します: %2</translation>
    </message>
    <message>
        <source>a standard-channel cluster will reject %1: %2</source>
        <translation>Standard チャネルのクラスターは %1 を拒否します: %2</translation>
    </message>
    <message>
        <source>a standard-channel cluster will ignore a field of %1: %2</source>
        <translation>Standard チャネルのクラスターは %1 のフィールドを無視します: %2</translation>
    </message>
    <message>
        <source>Infrastructure provider</source>
        <translation>インフラストラクチャプロバイダー</translation>
    </message>
    <message>
        <source>Cluster operator</source>
        <translation>クラスターオペレーター</translation>
    </message>
    <message>
        <source>Application developer</source>
        <translation>アプリケーション開発者</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>ロールなし</translation>
    </message>
    <message>
        <source>the development CA in %1 is incomplete (%2 is missing); remove the folder to make a new one</source>
        <translation>%1 の開発用 CA が不完全です（%2 がありません）。フォルダーを削除すると新しく作成されます</translation>
    </message>
    <message>
        <source>cannot read the development CA in %1</source>
        <translation>%1 の開発用 CA を読み込めません</translation>
    </message>
    <message>
        <source>the development CA in %1 is unusable: %2</source>
        <translation>%1 の開発用 CA は使用できません: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 を作成できません: %2</translation>
    </message>
    <message>
        <source>cannot make the development CA: %1</source>
        <translation>開発用 CA を作成できません: %1</translation>
    </message>
    <message>
        <source>cannot write the development CA to %1: %2</source>
        <translation>開発用 CA を %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>no certificate to serve</source>
        <translation>提供する証明書がありません</translation>
    </message>
    <message>
        <source>invalid ALPN protocol name "%1"</source>
        <translation>ALPN のプロトコル名 "%1" は無効です</translation>
    </message>
    <message>
        <source>the certificate for host %1 cannot be served: %2</source>
        <translation>ホスト %1 の証明書は提供できません: %2</translation>
    </message>
    <message>
        <source>OpenSSL cannot make a TLS context: %1</source>
        <translation>OpenSSL が TLS コンテキストを作成できません: %1</translation>
    </message>
    <message>
        <source>%1: mirror backend %2 keeps no request log (it is not a mock backend of this run)</source>
        <translation>%1: ミラー先バックエンド %2 にはリクエストログがありません（この実行のモックバックエンドではありません）</translation>
    </message>
    <message>
        <source>%1: mirroredTo: %2 did not receive %3 within %4 ms</source>
        <translation>%1: mirroredTo: %2 は %4 ms 以内に %3 を受け取りませんでした</translation>
    </message>
    <message>
        <source>expect.%1 needs TLS to the backends, which the local gateway does not do yet</source>
        <translation>expect.%1 にはバックエンドへの TLS が必要ですが、ローカルゲートウェイはまだ対応していません</translation>
    </message>
    <message>
        <source>%1: the HTTPS listener answered without TLS: the local gateway does not terminate TLS yet</source>
        <translation>%1: HTTPS リスナーが TLS なしで応答しました。ローカルゲートウェイはまだ TLS を終端しません</translation>
    </message>
    <message>
        <source>%1: expected the connection or TLS handshake to fail, got status %2</source>
        <translation>%1: 接続または TLS ハンドシェイクの失敗を期待しましたが、ステータス %2 が返りました</translation>
    </message>
    <message>
        <source>%1: expected the connection or TLS handshake to fail, but it succeeded (%2)</source>
        <translation>%1: 接続または TLS ハンドシェイクの失敗を期待しましたが、成功しました（%2）</translation>
    </message>
    <message>
        <source>%1: connection %2 as expected</source>
        <translation>%1: 期待どおり接続は %2</translation>
    </message>
    <message>
        <source>%1: mirrorDistribution cannot be judged: %2</source>
        <translation>%1: mirrorDistribution を判定できません: %2</translation>
    </message>
    <message>
        <source>%1: mirrored %2 of %3 requests, within the expected range</source>
        <translation>%1: %3 件中 %2 件がミラーされ、期待範囲内です</translation>
    </message>
    <message>
        <source>%1: mirrorDistribution: no round of %2 met the ranges; the last one: %3</source>
        <translation>%1: mirrorDistribution: %2 回のどのラウンドも範囲を満たしませんでした。最後のラウンド: %3</translation>
    </message>
    <message>
        <source>%1: client certificate Secret %2 is not among the loaded objects or lacks tls.crt and tls.key</source>
        <translation>%1: クライアント証明書の Secret %2 が読み込んだオブジェクトにないか、tls.crt と tls.key がありません</translation>
    </message>
    <message>
        <source>%1: listener port %2 of gateway %3 is not served, so the connection fails as expected</source>
        <translation>%1: Gateway %3 のリスナーポート %2 は提供されていないため、期待どおり接続は失敗します</translation>
    </message>
    <message>
        <source>%1: listener port %2 of gateway %3 is not served by the local gateway (it serves accepted HTTP listeners, and HTTPS listeners with a usable certificate)</source>
        <translation>%1: Gateway %3 のリスナーポート %2 はローカルゲートウェイで提供されていません（受理された HTTP リスナーと、使用可能な証明書を持つ HTTPS リスナーを提供します）</translation>
    </message>
    <message>
        <source>a request mix is a map with a `requests` list</source>
        <translation>リクエストミックスは `requests` リストを持つマップです</translation>
    </message>
    <message>
        <source>the request mix has no requests</source>
        <translation>リクエストミックスにリクエストがありません</translation>
    </message>
    <message>
        <source>the weights of the request mix add up to 0</source>
        <translation>リクエストミックスの重みの合計が 0 です</translation>
    </message>
    <message>
        <source>each request of the mix is a map</source>
        <translation>ミックスの各リクエストはマップです</translation>
    </message>
    <message>
        <source>weight must be a number, 0 or more, not "%1"</source>
        <translation>weight は 0 以上の数値である必要があります（"%1" ではなく）</translation>
    </message>
    <message>
        <source>"%1" is not an HTTP method</source>
        <translation>"%1" は HTTP メソッドではありません</translation>
    </message>
    <message>
        <source>path must start with /, not "%1"</source>
        <translation>path は / で始まる必要があります（"%1" ではなく）</translation>
    </message>
    <message>
        <source>listener is a map: {namespace, gateway, port}</source>
        <translation>listener はマップです: {namespace, gateway, port}</translation>
    </message>
    <message>
        <source>port must be a whole number from 1 to 65535, not "%1"</source>
        <translation>port は 1 から 65535 の整数である必要があります（"%1" ではなく）</translation>
    </message>
    <message>
        <source>%1 must be a single value</source>
        <translation>%1 は単一の値である必要があります</translation>
    </message>
    <message>
        <source>%1 must be a map of names to values</source>
        <translation>%1 は名前から値へのマップである必要があります</translation>
    </message>
    <message>
        <source>%1 has an empty name</source>
        <translation>%1 に空の名前があります</translation>
    </message>
    <message>
        <source>unknown field "%1" in the request mix is ignored</source>
        <translation>リクエストミックスの不明なフィールド "%1" は無視されます</translation>
    </message>
    <message>
        <source>a request mix file holds one YAML document</source>
        <translation>リクエストミックスのファイルには YAML ドキュメントを 1 つだけ書きます</translation>
    </message>
    <message>
        <source>a traffic scenario is a map with a `steps` list and an optional `rollback` rule</source>
        <translation>トラフィックシナリオは `steps` リストと省略可能な `rollback` ルールを持つマップです</translation>
    </message>
    <message>
        <source>`steps` must be a list</source>
        <translation>`steps` はリストである必要があります</translation>
    </message>
    <message>
        <source>the traffic scenario has no steps and no rollback rule</source>
        <translation>トラフィックシナリオにステップもロールバックルールもありません</translation>
    </message>
    <message>
        <source>each step of the scenario is a map</source>
        <translation>シナリオの各ステップはマップです</translation>
    </message>
    <message>
        <source>a step needs `at` (e.g. at: 30s)</source>
        <translation>ステップには `at` が必要です（例: at: 30s）</translation>
    </message>
    <message>
        <source>a step changes one thing: `weights`, `backend` or `endpoint`</source>
        <translation>1 つのステップが変えるのは `weights`、`backend`、`endpoint` のどれか 1 つです</translation>
    </message>
    <message>
        <source>`backends` maps backendRef names to weights, e.g. {webapp-stable: 95, webapp-canary: 5}</source>
        <translation>`backends` は backendRef の名前から重みへのマップです（例: {webapp-stable: 95, webapp-canary: 5}）</translation>
    </message>
    <message>
        <source>a weight is a whole number from 0 to 1000000, not "%1"</source>
        <translation>重みは 0 から 1000000 の整数です（"%1" ではなく）</translation>
    </message>
    <message>
        <source>name the HTTPRoute: route: namespace/name</source>
        <translation>HTTPRoute を指定してください: route: namespace/name</translation>
    </message>
    <message>
        <source>rule is the rule's index (0, 1, ...) or its name, not "%1"</source>
        <translation>rule はルールの番号（0, 1, ...）か名前です（"%1" ではなく）</translation>
    </message>
    <message>
        <source>name the Service: service: namespace/name</source>
        <translation>Service を指定してください: service: namespace/name</translation>
    </message>
    <message>
        <source>an endpoint step needs `replica`, a whole number from 0</source>
        <translation>endpoint のステップには `replica`（0 以上の整数）が必要です</translation>
    </message>
    <message>
        <source>status is an HTTP status from 100 to 599, not "%1"</source>
        <translation>status は 100 から 599 の HTTP ステータスです（"%1" ではなく）</translation>
    </message>
    <message>
        <source>failure is status, reset or hang, not "%1"</source>
        <translation>failure は status、reset、hang のいずれかです（"%1" ではなく）</translation>
    </message>
    <message>
        <source>down is true or false</source>
        <translation>down は true か false です</translation>
    </message>
    <message>
        <source>responseBytes is a whole number from 0 to 67108864</source>
        <translation>responseBytes は 0 から 67108864 の整数です</translation>
    </message>
    <message>
        <source>seed is a whole number from 0</source>
        <translation>seed は 0 以上の整数です</translation>
    </message>
    <message>
        <source>distribution is fixed, uniform, normal, lognormal or pareto, not "%1"</source>
        <translation>distribution は fixed、uniform、normal、lognormal、pareto のいずれかです（"%1" ではなく）</translation>
    </message>
    <message>
        <source>%1 must be a number above 0</source>
        <translation>%1 は 0 より大きい数である必要があります</translation>
    </message>
    <message>
        <source>unusable latency: %1</source>
        <translation>使用できないレイテンシー: %1</translation>
    </message>
    <message>
        <source>window must be above 0</source>
        <translation>window は 0 より大きい必要があります</translation>
    </message>
    <message>
        <source>minRequests is a whole number from 1</source>
        <translation>minRequests は 1 以上の整数です</translation>
    </message>
    <message>
        <source>the rollback rule needs errorRate or p99Ms (or both)</source>
        <translation>ロールバックルールには errorRate か p99Ms（または両方）が必要です</translation>
    </message>
    <message>
        <source>%1 must be a duration such as 500ms, 30s or 2m, not "%2"</source>
        <translation>%1 は 500ms、30s、2m のような時間である必要があります（"%2" ではなく）</translation>
    </message>
    <message>
        <source>%1 must be a number from 0 to 1, not "%2"</source>
        <translation>%1 は 0 から 1 の数である必要があります（"%2" ではなく）</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 がありません</translation>
    </message>
    <message>
        <source>unknown field "%1" in the scenario is ignored</source>
        <translation>シナリオの不明なフィールド "%1" は無視されます</translation>
    </message>
    <message>
        <source>a traffic scenario file holds one YAML document</source>
        <translation>トラフィックシナリオのファイルには YAML ドキュメントを 1 つだけ書きます</translation>
    </message>
    <message>
        <source>the CA certificates for client certificate validation cannot be used: %1</source>
        <translation>クライアント証明書の検証に使う CA 証明書を使用できません: %1</translation>
    </message>
    <message>
        <source>OpenSSL cannot set up client certificate validation: %1</source>
        <translation>OpenSSL がクライアント証明書の検証を設定できません: %1</translation>
    </message>
    <message>
        <source>unknown field "%1" in the studio settings is ignored</source>
        <translation>スタジオ設定の不明なフィールド "%1" は無視されます</translation>
    </message>
    <message>
        <source>torii.yaml is a map with ports, backends, mixes and scenarios</source>
        <translation>torii.yaml は ports、backends、mixes、scenarios を持つマップです</translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation>%1 はリストでなければなりません</translation>
    </message>
    <message>
        <source>each entry of %1 is a map</source>
        <translation>%1 の各要素はマップです</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 は必須です</translation>
    </message>
    <message>
        <source>%1 is written namespace/name, not "%2"</source>
        <translation>%1 は namespace/name の形で書きます。"%2" は使えません</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3, not "%4"</source>
        <translation>%1 は %2 から %3 までの整数でなければなりません。"%4" は使えません</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3, not "%4"</source>
        <translation>%1 は %2 から %3 までの数値でなければなりません。"%4" は使えません</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 は true か false でなければなりません</translation>
    </message>
    <message>
        <source>torii.yaml holds one YAML document</source>
        <translation>torii.yaml には YAML ドキュメントを 1 つだけ書きます</translation>
    </message>
    <message>
        <source>cannot read the studio settings: %1</source>
        <translation>スタジオ設定を読み込めません: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>No ALB listener rules found</source>
        <translation>ALB のリスナールールが見つかりません</translation>
    </message>
    <message>
        <source>Give the output of aws elbv2 describe-rules, or a CloudFormation template with AWS::ElasticLoadBalancingV2::ListenerRule resources.</source>
        <translation>aws elbv2 describe-rules の出力か、AWS::ElasticLoadBalancingV2::ListenerRule リソースを含む CloudFormation テンプレートを指定してください。</translation>
    </message>
    <message>
        <source>Order matters: for %1 the ALB uses rule %2, but the converted HTTPRoute %3 sends it to rule %4</source>
        <translation>順序が結果を変えます: %1 に対して ALB はルール %2 を使いますが、変換後の HTTPRoute %3 はルール %4 に送ります</translation>
    </message>
    <message>
        <source>Order matters: for %1 the ALB uses rule %2, but no converted rule matches it (404)</source>
        <translation>順序が結果を変えます: %1 に対して ALB はルール %2 を使いますが、変換後のどのルールにも一致しません（404）</translation>
    </message>
    <message>
        <source>Gateway API does not use rule order first: it picks the host's route, then the most specific match (Exact path, longest PathPrefix, method, more headers, more query params). Make rule %1 at least as specific as the rule that overtakes it (add the path, method or header it lacks), or put them on different hostnames.</source>
        <translation>Gateway API はルールの順序を最初には使いません。まずホストのルートを選び、次に最も具体的な一致（Exact パス、最長の PathPrefix、メソッド、ヘッダー数、クエリパラメーター数）を選びます。ルール %1 を、それを追い越すルールと同じかそれ以上に具体的にする（足りないパス、メソッド、ヘッダーを加える）か、別のホスト名に分けてください。</translation>
    </message>
    <message>
        <source>Host pattern %1 has no Gateway API equivalent and was left out</source>
        <translation>ホストパターン %1 に相当するものは Gateway API になく、省きました</translation>
    </message>
    <message>
        <source>HTTPRoute hostnames are exact names or a leading "*." wildcard label; list the names it should match.</source>
        <translation>HTTPRoute の hostnames は完全な名前か、先頭が「*.」のワイルドカードラベルです。一致させたい名前を列挙してください。</translation>
    </message>
    <message>
        <source>Rule %1 now applies to every host</source>
        <translation>ルール %1 はすべてのホストに適用されるようになりました</translation>
    </message>
    <message>
        <source>Rule %1: a path pattern ending in /* became a PathPrefix, which also matches the path without the trailing slash (/api/* does not match /api on the ALB; PathPrefix /api does)</source>
        <translation>ルール %1: /* で終わるパスパターンは PathPrefix になり、末尾のスラッシュがないパスにも一致します（ALB では /api/* は /api に一致しませんが、PathPrefix /api は一致します）</translation>
    </message>
    <message>
        <source>Method %1 is not one Gateway API can match; it was left out</source>
        <translation>メソッド %1 は Gateway API で一致させられないため、省きました</translation>
    </message>
    <message>
        <source>Query condition on value %1 with any key has no Gateway API equivalent and was left out</source>
        <translation>任意のキーで値 %1 を見るクエリ条件に相当するものは Gateway API になく、省きました</translation>
    </message>
    <message>
        <source>A query param match needs the parameter's name; list the names that carry the value.</source>
        <translation>クエリパラメーターの一致にはパラメーター名が必要です。その値を持つ名前を列挙してください。</translation>
    </message>
    <message>
        <source>Rule %1 needs %2 HTTPRoute matches; only the first 64 (the API's limit) were kept</source>
        <translation>ルール %1 には %2 個の HTTPRoute の matches が必要です。API の上限である最初の 64 個だけを残しました</translation>
    </message>
    <message>
        <source>Rule %1 uses RegularExpression matches (wildcards or regex values): their support and dialect are implementation-specific</source>
        <translation>ルール %1 は RegularExpression の一致（ワイルドカードまたは正規表現の値）を使います。対応の有無と方言は実装ごとに異なります</translation>
    </message>
    <message>
        <source>source-ip (%1) has no HTTPRoute equivalent: rule %2 now applies to every client</source>
        <translation>source-ip（%1）に相当するものは HTTPRoute になく、ルール %2 はすべてのクライアントに適用されるようになりました</translation>
    </message>
    <message>
        <source>Restrict clients with your implementation's policy (an IP allow list on the Gateway) or a NetworkPolicy; HTTPRoute cannot match the client address.</source>
        <translation>実装のポリシー（Gateway の IP 許可リスト）か NetworkPolicy でクライアントを制限してください。HTTPRoute はクライアントのアドレスで一致させられません。</translation>
    </message>
    <message>
        <source>Target group %1's port is not in the input; the Service port is taken as 80</source>
        <translation>ターゲットグループ %1 のポートが入力にないため、Service のポートを 80 としました</translation>
    </message>
    <message>
        <source>fixed-response (%1) has no Gateway API equivalent: the rule keeps its matches but has no backend, so the gateway answers 500</source>
        <translation>fixed-response（%1）に相当するものは Gateway API にありません。ルールの一致条件は残しますがバックエンドがないため、ゲートウェイは 500 を返します</translation>
    </message>
    <message>
        <source>Serve the fixed answer from a small backend (for example nginx with a return directive) and forward to it.</source>
        <translation>固定の応答は小さなバックエンド（例: return ディレクティブを使う nginx）から返し、そこへ転送してください。</translation>
    </message>
    <message>
        <source>Action %1 has no Gateway API equivalent and was left out</source>
        <translation>アクション %1 に相当するものは Gateway API になく、省きました</translation>
    </message>
    <message>
        <source>Authenticate with your implementation's external authentication policy, or an oauth2-proxy in front of the backend.</source>
        <translation>実装の外部認証ポリシーか、バックエンドの前に置いた oauth2-proxy で認証してください。</translation>
    </message>
    <message>
        <source>Redirect %1 %2 mixes text and #{…} parts; Gateway API redirects take a fixed value or keep the request's</source>
        <translation>リダイレクトの %1 %2 は文字列と #{…} を混ぜています。Gateway API のリダイレクトは固定値を取るか、リクエストの値をそのまま使います</translation>
    </message>
    <message>
        <source>Redirect query %1 cannot be set: a Gateway API redirect keeps the request's query</source>
        <translation>リダイレクトのクエリ %1 は設定できません。Gateway API のリダイレクトはリクエストのクエリをそのまま使います</translation>
    </message>
    <message>
        <source>Listener %1's port and protocol are not in the input; the Gateway listener %2 uses %3 %4</source>
        <translation>リスナー %1 のポートとプロトコルが入力にないため、Gateway のリスナー %2 は %3 %4 を使います</translation>
    </message>
    <message>
        <source>HTTPS listener %1 needs the Secret %2 with its certificate</source>
        <translation>HTTPS リスナー %1 には証明書を入れた Secret %2 が必要です</translation>
    </message>
    <message>
        <source>ACM certificates cannot be exported: issue one with cert-manager (or import your own) into a kubernetes.io/tls Secret of that name.</source>
        <translation>ACM の証明書はエクスポートできません。cert-manager で発行する（または手持ちのものを取り込む）などして、その名前の kubernetes.io/tls Secret に入れてください。</translation>
    </message>
    <message>
        <source>ALB conditions are ANDed and their values ORed; HTTPRoute ORs its matches, so every combination of values is one match.</source>
        <translation>ALB の条件は AND、各条件の値は OR で結ばれます。HTTPRoute は matches を OR で結ぶので、値の組み合わせごとに 1 つの match になります。</translation>
    </message>
    <message>
        <source>A redirect action is a RequestRedirect filter; #{host}, #{path} and #{port} keep the request's value, as an unset field does.</source>
        <translation>redirect アクションは RequestRedirect フィルターです。#{host}、#{path}、#{port} はリクエストの値を保ち、未設定のフィールドと同じ働きです。</translation>
    </message>
    <message>
        <source>A forward action's target groups are Services; weighted target groups are backendRefs with the same weights.</source>
        <translation>forward アクションのターゲットグループは Service です。重み付きのターゲットグループは同じ重みの backendRefs になります。</translation>
    </message>
    <message>
        <source>Rules are listed in ALB priority order, which Gateway API uses only between equally specific matches.</source>
        <translation>ルールは ALB の優先度順に並べています。Gateway API がこの順序を使うのは、具体性が同じ一致どうしの間だけです。</translation>
    </message>
    <message>
        <source>A host-header value is an HTTPRoute hostname; each hostname gets its own route holding every rule that applies to it, because Gateway API picks the host before any rule.</source>
        <translation>host-header の値は HTTPRoute の hostname です。Gateway API はどのルールよりも先にホストを選ぶため、ホスト名ごとに、そのホストに当てはまるすべてのルールを持つルートを作ります。</translation>
    </message>
    <message>
        <source>Condition field %1 is not known; the condition was ignored</source>
        <translation>条件フィールド %1 は不明なため、その条件を無視しました</translation>
    </message>
    <message>
        <source>Priority %1 is not a number (a CloudFormation expression?); the rule is ordered after the numbered ones, in file order</source>
        <translation>優先度 %1 が数値ではありません（CloudFormation の式？）。このルールは番号付きのルールの後に、ファイルの順で並べます</translation>
    </message>
    <message>
        <source>Write the deployed priority (aws elbv2 describe-rules shows it) so the order check is exact.</source>
        <translation>順序の検査を正確にするため、デプロイ済みの優先度（aws elbv2 describe-rules で表示されます）を書いてください。</translation>
    </message>
    <message>
        <source>Kubernetes keeps container output on the node; ship it with a log agent DaemonSet (Fluent Bit, the CloudWatch agent) instead of a log driver.</source>
        <translation>Kubernetes はコンテナの出力をノードに保存します。ログドライバーの代わりに、ログエージェントの DaemonSet（Fluent Bit、CloudWatch エージェント）で転送してください。</translation>
    </message>
    <message>
        <source>Run Fluent Bit as a DaemonSet (or a sidecar reading a shared volume); FireLens routing has no pod-level equivalent.</source>
        <translation>Fluent Bit を DaemonSet（または共有ボリュームを読むサイドカー）として動かしてください。FireLens のルーティングに相当する Pod レベルの機能はありません。</translation>
    </message>
    <message>
        <source>Pods cannot set ulimits; they come from the container runtime's defaults on the node. Raise them in the node's runtime configuration if needed.</source>
        <translation>Pod では ulimits を設定できず、ノードのコンテナランタイムの既定値が使われます。必要ならノードのランタイム設定で引き上げてください。</translation>
    </message>
    <message>
        <source>Containers of a pod share one network namespace: reach the linked container at localhost:&lt;port&gt; instead of its name.</source>
        <translation>Pod のコンテナは 1 つのネットワーク名前空間を共有します。リンク先のコンテナには名前ではなく localhost:&lt;port&gt; で接続してください。</translation>
    </message>
    <message>
        <source>Docker labels are not set by Kubernetes; put the values in the pod's labels or annotations if something reads them.</source>
        <translation>Kubernetes は Docker ラベルを設定しません。読むものがあるなら、その値を Pod のラベルかアノテーションに入れてください。</translation>
    </message>
    <message>
        <source>A pod's hostname is the pod name; set spec.hostname on the pod template if the application needs a fixed one.</source>
        <translation>Pod のホスト名は Pod 名です。アプリケーションに固定のホスト名が必要なら、Pod テンプレートに spec.hostname を設定してください。</translation>
    </message>
    <message>
        <source>Use the pod's dnsPolicy: None with dnsConfig.nameservers.</source>
        <translation>Pod の dnsPolicy: None と dnsConfig.nameservers を使ってください。</translation>
    </message>
    <message>
        <source>Use the pod's dnsConfig.searches.</source>
        <translation>Pod の dnsConfig.searches を使ってください。</translation>
    </message>
    <message>
        <source>Use securityContext.seLinuxOptions, seccompProfile or appArmorProfile.</source>
        <translation>securityContext.seLinuxOptions、seccompProfile または appArmorProfile を使ってください。</translation>
    </message>
    <message>
        <source>Create a docker-registry Secret and list it in the pod's imagePullSecrets.</source>
        <translation>docker-registry 型の Secret を作り、Pod の imagePullSecrets に指定してください。</translation>
    </message>
    <message>
        <source>Load the file's variables into a ConfigMap (kubectl create configmap --from-env-file) and add it with envFrom.</source>
        <translation>ファイルの変数を ConfigMap に読み込み（kubectl create configmap --from-env-file）、envFrom で追加してください。</translation>
    </message>
    <message>
        <source>Kubernetes has no per-dependency start timeout; a startupProbe bounds how long a container may take to start.</source>
        <translation>Kubernetes には依存関係ごとの起動タイムアウトがありません。コンテナの起動にかけられる時間は startupProbe で制限します。</translation>
    </message>
    <message>
        <source>Set namespaced sysctls in the pod's securityContext.sysctls.</source>
        <translation>名前空間単位の sysctl は Pod の securityContext.sysctls に設定してください。</translation>
    </message>
    <message>
        <source>Containers of a pod share its network; restrict traffic with a NetworkPolicy instead.</source>
        <translation>Pod のコンテナはそのネットワークを共有します。代わりに NetworkPolicy で通信を制限してください。</translation>
    </message>
    <message>
        <source>%1 has no Kubernetes equivalent and was not converted</source>
        <translation>%1 に相当するものは Kubernetes になく、変換しませんでした</translation>
    </message>
    <message>
        <source>%1 is not converted (Torii does not know a Kubernetes counterpart)</source>
        <translation>%1 は変換していません（Torii は Kubernetes で対応するものを知りません）</translation>
    </message>
    <message>
        <source>Container name %1 is not a valid Kubernetes name; it is %2 in the pod</source>
        <translation>コンテナ名 %1 は Kubernetes の名前として使えないため、Pod では %2 になります</translation>
    </message>
    <message>
        <source>The container keeps its ECS name.</source>
        <translation>コンテナは ECS での名前を保ちます。</translation>
    </message>
    <message>
        <source>The same image; a private ECR image needs pull access from the cluster's nodes.</source>
        <translation>同じイメージです。プライベートな ECR イメージには、クラスターのノードからの pull 権限が必要です。</translation>
    </message>
    <message>
        <source>workingDirectory is workingDir.</source>
        <translation>workingDirectory は workingDir です。</translation>
    </message>
    <message>
        <source>ECS entryPoint replaces the image's ENTRYPOINT, as Kubernetes command does.</source>
        <translation>ECS の entryPoint はイメージの ENTRYPOINT を置き換えます。Kubernetes の command と同じです。</translation>
    </message>
    <message>
        <source>ECS command replaces the image's CMD, as Kubernetes args does (Kubernetes command is the ENTRYPOINT).</source>
        <translation>ECS の command はイメージの CMD を置き換えます。Kubernetes の args と同じです（Kubernetes の command は ENTRYPOINT にあたります）。</translation>
    </message>
    <message>
        <source>An environment variable, unchanged.</source>
        <translation>環境変数。そのままです。</translation>
    </message>
    <message>
        <source>A secret from %1 becomes key %2 of the Secret %3, read with secretKeyRef.</source>
        <translation>%1 のシークレットは Secret %3 のキー %2 になり、secretKeyRef で読みます。</translation>
    </message>
    <message>
        <source>Secret %1 comes from AWS Secrets Manager (%2); its value is not in the task definition</source>
        <translation>シークレット %1 は AWS Secrets Manager（%2）から来ており、その値はタスク定義にありません</translation>
    </message>
    <message>
        <source>Secret %1 comes from SSM Parameter Store (%2); its value is not in the task definition</source>
        <translation>シークレット %1 は SSM パラメータストア（%2）から来ており、その値はタスク定義にありません</translation>
    </message>
    <message>
        <source>Bring the value into the Secret %1 before the pods start: kubectl create secret generic %1 --from-literal=%2="$(%3)" (add one --from-literal per key), or sync it with the External Secrets Operator.</source>
        <translation>Pod の起動前に値を Secret %1 に入れてください: kubectl create secret generic %1 --from-literal=%2="$(%3)"（キーごとに --from-literal を 1 つ追加）。または External Secrets Operator で同期してください。</translation>
    </message>
    <message>
        <source>%1 ECS cpu units (1024 = one vCPU) are %2 of CPU. ECS container cpu is a relative share, as a request is; no limit is set.</source>
        <translation>ECS の cpu ユニット %1（1024 = 1 vCPU）は CPU %2 です。ECS のコンテナ cpu は requests と同じく相対的な配分なので、limit は設定しません。</translation>
    </message>
    <message>
        <source>ECS memory is a hard limit in MiB: the container is killed above it, as with a Kubernetes memory limit.</source>
        <translation>ECS の memory は MiB 単位のハードリミットです。超えるとコンテナが強制終了される点は Kubernetes のメモリ limit と同じです。</translation>
    </message>
    <message>
        <source>Without memoryReservation ECS reserves the hard limit, so the request equals the limit.</source>
        <translation>memoryReservation がないと ECS はハードリミットの分を予約するので、request は limit と同じ値です。</translation>
    </message>
    <message>
        <source>memoryReservation is the soft limit the scheduler reserves: a Kubernetes memory request.</source>
        <translation>memoryReservation はスケジューラーが予約するソフトリミットで、Kubernetes のメモリ request にあたります。</translation>
    </message>
    <message>
        <source>The task's size was given to its only container: Kubernetes sizes containers, not pods</source>
        <translation>タスクのサイズを唯一のコンテナに割り当てました。Kubernetes は Pod ではなくコンテナ単位でサイズを決めます</translation>
    </message>
    <message>
        <source>GPUs are the extended resource nvidia.com/gpu (the NVIDIA device plugin must run on the nodes).</source>
        <translation>GPU は拡張リソース nvidia.com/gpu です（ノードで NVIDIA デバイスプラグインが動いている必要があります）。</translation>
    </message>
    <message>
        <source>Resource requirement %1 has no Kubernetes equivalent and was not converted</source>
        <translation>リソース要件 %1 に相当するものは Kubernetes になく、変換しませんでした</translation>
    </message>
    <message>
        <source>Request the device through its device plugin's extended resource name.</source>
        <translation>デバイスはそのデバイスプラグインの拡張リソース名で要求してください。</translation>
    </message>
    <message>
        <source>ECS replaces a task whose essential container turns unhealthy; a liveness probe restarts the container. interval, timeout and retries are periodSeconds, timeoutSeconds and failureThreshold; CMD-SHELL runs through /bin/sh -c.</source>
        <translation>ECS は必須コンテナが unhealthy になったタスクを置き換えます。liveness プローブはコンテナを再起動します。interval、timeout、retries は periodSeconds、timeoutSeconds、failureThreshold にあたり、CMD-SHELL は /bin/sh -c で実行します。</translation>
    </message>
    <message>
        <source>startPeriod is the time ECS ignores failed checks; the startupProbe allows startPeriod / interval + retries failures before the liveness probe takes over.</source>
        <translation>startPeriod は ECS が失敗したチェックを無視する時間です。startupProbe は liveness プローブに引き継ぐまでに startPeriod / interval + retries 回の失敗を許します。</translation>
    </message>
    <message>
        <source>The ECS container health check became a liveness probe; no readiness probe was made</source>
        <translation>ECS のコンテナヘルスチェックは liveness プローブになりました。readiness プローブは作っていません</translation>
    </message>
    <message>
        <source>The load balancer's target-group health check (not in the task definition) decides where ALB traffic goes; add a readinessProbe on that path (for example an httpGet) so the Service only sends to ready pods.</source>
        <translation>ALB のトラフィックの行き先を決めるのは、ロードバランサーのターゲットグループのヘルスチェック（タスク定義にはありません）です。Service が準備のできた Pod にだけ送るよう、そのパスに readinessProbe（例: httpGet）を追加してください。</translation>
    </message>
    <message>
        <source>A mount point is a volumeMount of the pod volume with the same name.</source>
        <translation>マウントポイントは、同じ名前の Pod ボリュームの volumeMount です。</translation>
    </message>
    <message>
        <source>volumesFrom %1: the source container's mount is repeated, since pod volumes are shared.</source>
        <translation>volumesFrom %1: Pod のボリュームは共有されるので、元のコンテナのマウントを繰り返しました。</translation>
    </message>
    <message>
        <source>volumesFrom %1 has no Kubernetes equivalent; %2 of its mounts were repeated in this container</source>
        <translation>volumesFrom %1 に相当するものは Kubernetes にありません。そのマウントのうち %2 個をこのコンテナに繰り返しました</translation>
    </message>
    <message>
        <source>Kubernetes shares volumes, not containers' filesystems: a path the image writes without a declared volume needs its own emptyDir volume mounted in both containers.</source>
        <translation>Kubernetes が共有するのはボリュームで、コンテナのファイルシステムではありません。ボリュームを宣言せずにイメージが書き込むパスには、両方のコンテナにマウントする emptyDir ボリュームが必要です。</translation>
    </message>
    <message>
        <source>A numeric user is runAsUser.</source>
        <translation>数値のユーザーは runAsUser です。</translation>
    </message>
    <message>
        <source>User %1 is a name; Kubernetes takes numeric ids only</source>
        <translation>ユーザー %1 は名前です。Kubernetes は数値の ID しか受け付けません</translation>
    </message>
    <message>
        <source>Look up the id in the image (id -u %1) and set securityContext.runAsUser.</source>
        <translation>イメージ内で ID を調べ（id -u %1）、securityContext.runAsUser に設定してください。</translation>
    </message>
    <message>
        <source>privileged is securityContext.privileged.</source>
        <translation>privileged は securityContext.privileged です。</translation>
    </message>
    <message>
        <source>readonlyRootFilesystem is securityContext.readOnlyRootFilesystem.</source>
        <translation>readonlyRootFilesystem は securityContext.readOnlyRootFilesystem です。</translation>
    </message>
    <message>
        <source>Linux capabilities keep their names.</source>
        <translation>Linux ケーパビリティは同じ名前のままです。</translation>
    </message>
    <message>
        <source>initProcessEnabled: set shareProcessNamespace or use an image with an init; devices and tmpfs: use a device plugin and an emptyDir with medium Memory.</source>
        <translation>initProcessEnabled: shareProcessNamespace を設定するか、init を含むイメージを使ってください。devices と tmpfs: デバイスプラグインと medium: Memory の emptyDir を使ってください。</translation>
    </message>
    <message>
        <source>essential: false has no Kubernetes equivalent</source>
        <translation>essential: false に相当するものは Kubernetes にありません</translation>
    </message>
    <message>
        <source>Kubernetes restarts any container that stops (restartPolicy Always) and never stops the pod for one; a helper that should run once belongs in initContainers or a Job.</source>
        <translation>Kubernetes は停止したコンテナを再起動し（restartPolicy Always）、1 つのコンテナのために Pod を止めることはありません。1 回だけ動かす補助処理は initContainers か Job に置いてください。</translation>
    </message>
    <message>
        <source>COMPLETE also accepts a failed exit; an init container must succeed for the pod to start</source>
        <translation>COMPLETE は失敗した終了も受け入れますが、Pod が起動するには init コンテナが成功する必要があります</translation>
    </message>
    <message>
        <source>dependsOn %1 %2: Kubernetes starts a pod's containers in the listed order without waiting for each other</source>
        <translation>dependsOn %1 %2: Kubernetes は Pod のコンテナを並んだ順に起動しますが、互いを待ちません</translation>
    </message>
    <message>
        <source>The container was listed after %1; if it must wait, make %1 a sidecar (an init container with restartPolicy Always and a startupProbe).</source>
        <translation>コンテナは %1 の後に並べました。待つ必要があるなら、%1 をサイドカー（restartPolicy Always と startupProbe を持つ init コンテナ）にしてください。</translation>
    </message>
    <message>
        <source>Port mapping without a usable containerPort was skipped (a containerPortRange has no Service equivalent)</source>
        <translation>使える containerPort のないポートマッピングを飛ばしました（containerPortRange に相当する Service の機能はありません）</translation>
    </message>
    <message>
        <source>Port %1/%2 is mapped twice; it was converted once</source>
        <translation>ポート %1/%2 は 2 回マッピングされているため、1 回だけ変換しました</translation>
    </message>
    <message>
        <source>hostPort %1 differs from containerPort %2: the Service listens on %1 and forwards to %2</source>
        <translation>hostPort %1 が containerPort %2 と異なります。Service は %1 で待ち受けて %2 に転送します</translation>
    </message>
    <message>
        <source>In awsvpc mode ECS rejects this mapping; clients of the Service use port %1.</source>
        <translation>awsvpc モードでは ECS はこのマッピングを拒否します。Service のクライアントはポート %1 を使います。</translation>
    </message>
    <message>
        <source>A port mapping's containerPort is the container's port; the Service does what the host port and the load balancer did.</source>
        <translation>ポートマッピングの containerPort はコンテナのポートです。ホストポートとロードバランサーが担っていた役割は Service が担います。</translation>
    </message>
    <message>
        <source>Another container waits until this one is HEALTHY: it is a sidecar (an init container with restartPolicy Always), which Kubernetes starts first and waits for until its startupProbe succeeds.</source>
        <translation>他のコンテナがこのコンテナの HEALTHY を待つので、サイドカー（restartPolicy Always の init コンテナ）にしました。Kubernetes はこれを最初に起動し、startupProbe が成功するまで待ちます。</translation>
    </message>
    <message>
        <source>Container %1 is waited for until HEALTHY but has no healthCheck; Kubernetes only waits for it to start</source>
        <translation>コンテナ %1 は HEALTHY になるまで待たれますが healthCheck がありません。Kubernetes は起動するまでしか待ちません</translation>
    </message>
    <message>
        <source>Another container waits until this one exits (dependsOn SUCCESS or COMPLETE): it is an init container, which runs to completion before the others start.</source>
        <translation>他のコンテナがこのコンテナの終了を待つ（dependsOn SUCCESS または COMPLETE）ので、init コンテナにしました。他のコンテナが起動する前に完了まで実行されます。</translation>
    </message>
    <message>
        <source>stopTimeout is the time between SIGTERM and SIGKILL; Kubernetes sets it per pod (terminationGracePeriodSeconds), so the longest one is used.</source>
        <translation>stopTimeout は SIGTERM から SIGKILL までの時間です。Kubernetes ではこれを Pod 単位（terminationGracePeriodSeconds）で設定するため、最も長いものを使います。</translation>
    </message>
    <message>
        <source>Containers have different stopTimeout values; the pod's grace period is the longest, %1 s</source>
        <translation>コンテナごとに stopTimeout が異なります。Pod の猶予期間は最長の %1 秒です</translation>
    </message>
    <message>
        <source>To stop a container sooner, give it a preStop hook or handle SIGTERM in it.</source>
        <translation>コンテナを早く止めたいときは、preStop フックを与えるか、コンテナ内で SIGTERM を処理してください。</translation>
    </message>
    <message>
        <source>Port %1 does not say its protocol; it is usually not HTTP, so it got a TCPRoute</source>
        <translation>ポート %1 はプロトコルを示していません。通常 HTTP ではないため TCPRoute にしました</translation>
    </message>
    <message>
        <source>Port %1 does not say its protocol; it was taken as HTTP and got an HTTPRoute</source>
        <translation>ポート %1 はプロトコルを示していません。HTTP とみなして HTTPRoute にしました</translation>
    </message>
    <message>
        <source>Set appProtocol (http, http2 or grpc) on the port mapping, or change the route kind by hand.</source>
        <translation>ポートマッピングに appProtocol（http、http2、grpc）を設定するか、ルートの種類を手で変えてください。</translation>
    </message>
    <message>
        <source>Each port mapping gets a Service: the stable name and address that a target group or Service Connect gave in ECS. port is the host port when the task fixes one, targetPort the container port.</source>
        <translation>ポートマッピングごとに Service を作ります。ECS でターゲットグループや Service Connect が与えていた、安定した名前とアドレスです。port はタスクがホストポートを固定していればそのポート、targetPort はコンテナのポートです。</translation>
    </message>
    <message>
        <source>The load balancer listener in front of the ECS service is a Gateway listener on the same port.</source>
        <translation>ECS サービスの前にあるロードバランサーのリスナーは、同じポートの Gateway リスナーです。</translation>
    </message>
    <message>
        <source>An ALB forwarded to the target group of this port; the route forwards the listener's traffic to the Service.</source>
        <translation>ALB はこのポートのターゲットグループに転送していました。ルートはリスナーのトラフィックを Service に転送します。</translation>
    </message>
    <message>
        <source>An NLB forwarded this port; a TCPRoute or UDPRoute (experimental channel) forwards the listener's connections to the Service.</source>
        <translation>NLB はこのポートを転送していました。TCPRoute または UDPRoute（実験的チャネル）がリスナーの接続を Service に転送します。</translation>
    </message>
    <message>
        <source>The execution role let ECS pull images and read secrets. In Kubernetes the nodes pull images (give the node role ECR read access) and secrets are brought into Secrets beforehand (see the secret notes).</source>
        <translation>実行ロールは ECS がイメージを pull しシークレットを読むためのものでした。Kubernetes ではノードがイメージを pull し（ノードロールに ECR の読み取り権限を与えます）、シークレットは事前に Secret に入れておきます（シークレットの注記を参照）。</translation>
    </message>
    <message>
        <source>An App Mesh proxy becomes a service mesh's injected sidecar (Istio, Linkerd) or is replaced by Gateway API routes between Services.</source>
        <translation>App Mesh のプロキシは、サービスメッシュ（Istio、Linkerd）が注入するサイドカーにするか、Service 間の Gateway API のルートで置き換えます。</translation>
    </message>
    <message>
        <source>Express placement with the pod's nodeSelector, affinity or topologySpreadConstraints.</source>
        <translation>配置は Pod の nodeSelector、affinity または topologySpreadConstraints で表してください。</translation>
    </message>
    <message>
        <source>Elastic Inference does not exist in Kubernetes; request a GPU or Inferentia device through its device plugin.</source>
        <translation>Kubernetes に Elastic Inference はありません。GPU や Inferentia デバイスをそのデバイスプラグインで要求してください。</translation>
    </message>
    <message>
        <source>Request the space per container with resources.requests ephemeral-storage.</source>
        <translation>容量はコンテナごとに resources.requests の ephemeral-storage で要求してください。</translation>
    </message>
    <message>
        <source>Container definition without a usable, unique name</source>
        <translation>使える一意の名前がないコンテナ定義です</translation>
    </message>
    <message>
        <source>Container %1 has no image</source>
        <translation>コンテナ %1 にイメージがありません</translation>
    </message>
    <message>
        <source>The task definition has no container</source>
        <translation>タスク定義にコンテナがありません</translation>
    </message>
    <message>
        <source>Every container waits for another one; no container is left to run</source>
        <translation>すべてのコンテナが他のコンテナを待っており、実行するコンテナが残りません</translation>
    </message>
    <message>
        <source>The task role is what the containers' AWS calls run as; on EKS a ServiceAccount annotated with the role (IAM Roles for Service Accounts) gives pods the same.</source>
        <translation>タスクロールはコンテナからの AWS 呼び出しに使われる権限です。EKS では、ロールをアノテーションに付けた ServiceAccount（IAM Roles for Service Accounts）が Pod に同じ権限を与えます。</translation>
    </message>
    <message>
        <source>The pods run as the ServiceAccount that carries the task role.</source>
        <translation>Pod はタスクロールを持つ ServiceAccount として動きます。</translation>
    </message>
    <message>
        <source>Task role %1 became the ServiceAccount %2 with an IRSA annotation</source>
        <translation>タスクロール %1 は IRSA アノテーション付きの ServiceAccount %2 になりました</translation>
    </message>
    <message>
        <source>Let the role trust the cluster's OIDC provider for system:serviceaccount:&lt;namespace&gt;:%1, or use an EKS Pod Identity association instead.</source>
        <translation>ロールがクラスターの OIDC プロバイダーを system:serviceaccount:&lt;namespace&gt;:%1 について信頼するよう設定するか、代わりに EKS Pod Identity の関連付けを使ってください。</translation>
    </message>
    <message>
        <source>host network mode uses the instance's network: hostNetwork does the same for a pod.</source>
        <translation>host ネットワークモードはインスタンスのネットワークを使います。Pod では hostNetwork が同じ働きをします。</translation>
    </message>
    <message>
        <source>host network mode became hostNetwork: true</source>
        <translation>host ネットワークモードは hostNetwork: true になりました</translation>
    </message>
    <message>
        <source>Pods normally get their own IP (as awsvpc tasks do); drop hostNetwork unless the container must see the node's interfaces.</source>
        <translation>Pod は通常（awsvpc のタスクと同様に）自分の IP を持ちます。コンテナがノードのインターフェースを見る必要がない限り、hostNetwork は外してください。</translation>
    </message>
    <message>
        <source>bridge network mode (the EC2 default): in Kubernetes every pod has its own IP, as with awsvpc, so host port mapping is not needed</source>
        <translation>bridge ネットワークモード（EC2 の既定）: Kubernetes では awsvpc と同様にすべての Pod が自分の IP を持つため、ホストポートのマッピングは要りません</translation>
    </message>
    <message>
        <source>Containers reached by link names reach each other at localhost; clients use the Service.</source>
        <translation>リンク名でつながっていたコンテナどうしは localhost で到達します。クライアントは Service を使います。</translation>
    </message>
    <message>
        <source>network mode none has no pod equivalent: every pod has a network</source>
        <translation>ネットワークモード none に相当する Pod の設定はありません。すべての Pod がネットワークを持ちます</translation>
    </message>
    <message>
        <source>Deny all traffic with a NetworkPolicy that selects the pod.</source>
        <translation>その Pod を選ぶ NetworkPolicy ですべての通信を拒否してください。</translation>
    </message>
    <message>
        <source>Sharing the host's process or IPC namespace is hostPID / hostIPC.</source>
        <translation>ホストのプロセスや IPC の名前空間の共有は hostPID / hostIPC です。</translation>
    </message>
    <message>
        <source>One process namespace for the task's containers is shareProcessNamespace.</source>
        <translation>タスクのコンテナで 1 つのプロセス名前空間を使うのは shareProcessNamespace です。</translation>
    </message>
    <message>
        <source>The runtime platform selects nodes by the well-known labels kubernetes.io/arch and kubernetes.io/os.</source>
        <translation>ランタイムプラットフォームは、よく知られたラベル kubernetes.io/arch と kubernetes.io/os でノードを選びます。</translation>
    </message>
    <message>
        <source>extraHosts entries are /etc/hosts lines: the pod's hostAliases (for every container).</source>
        <translation>extraHosts の項目は /etc/hosts の行で、Pod の hostAliases（すべてのコンテナに効きます）にあたります。</translation>
    </message>
    <message>
        <source>Fargate tasks run on nodes the cluster provides; on EKS a Fargate profile that selects the namespace runs the pods serverless</source>
        <translation>Fargate のタスクはクラスターが用意するノードで動きます。EKS では、名前空間を選ぶ Fargate プロファイルが Pod をサーバーレスで動かします</translation>
    </message>
    <message>
        <source>The task size (cpu %1, memory %2) has no pod field: Kubernetes adds up the containers' requests</source>
        <translation>タスクのサイズ（cpu %1、memory %2）に相当する Pod のフィールドはありません。Kubernetes はコンテナの requests を合計します</translation>
    </message>
    <message>
        <source>Give each container requests that add up to the task size.</source>
        <translation>合計がタスクのサイズになるよう、各コンテナに requests を与えてください。</translation>
    </message>
    <message>
        <source>A task definition family describes one kind of task: a Deployment's pod template; the name comes from the family.</source>
        <translation>タスク定義のファミリーは 1 種類のタスクを表し、Deployment の Pod テンプレートにあたります。名前はファミリーから取ります。</translation>
    </message>
    <message>
        <source>The number of tasks is the ECS service's desiredCount, not in the task definition: one replica until you set it.</source>
        <translation>タスクの数は ECS サービスの desiredCount で、タスク定義にはありません。設定するまではレプリカ 1 つです。</translation>
    </message>
    <message>
        <source>Not an ECS task definition: no containerDefinitions list</source>
        <translation>ECS のタスク定義ではありません: containerDefinitions のリストがありません</translation>
    </message>
    <message>
        <source>Give the RegisterTaskDefinition JSON or the output of aws ecs describe-task-definition.</source>
        <translation>RegisterTaskDefinition の JSON か、aws ecs describe-task-definition の出力を指定してください。</translation>
    </message>
    <message>
        <source>The task definition has no usable family; the objects are named %1</source>
        <translation>タスク定義に使えるファミリーがないため、オブジェクトの名前を %1 にしました</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>A bind mount of a host path is a hostPath volume (the node's filesystem, as on the EC2 instance).</source>
        <translation>ホストパスのバインドマウントは hostPath ボリュームです（EC2 インスタンスと同じく、ノードのファイルシステム）。</translation>
    </message>
    <message>
        <source>hostPath %1 ties the pod to what is on its node</source>
        <translation>hostPath %1 は Pod をそのノード上の内容に縛ります</translation>
    </message>
    <message>
        <source>Many clusters forbid hostPath (Pod Security baseline); prefer an emptyDir, a ConfigMap or a PersistentVolumeClaim.</source>
        <translation>多くのクラスターは hostPath を禁止しています（Pod Security の baseline）。emptyDir、ConfigMap または PersistentVolumeClaim を選んでください。</translation>
    </message>
    <message>
        <source>An EFS file system is mounted through a PersistentVolumeClaim bound to an EFS PersistentVolume.</source>
        <translation>EFS ファイルシステムは、EFS の PersistentVolume に結び付いた PersistentVolumeClaim を通してマウントします。</translation>
    </message>
    <message>
        <source>EFS file system %1 needs a PersistentVolume and the claim %2</source>
        <translation>EFS ファイルシステム %1 には PersistentVolume とクレーム %2 が必要です</translation>
    </message>
    <message>
        <source>Install the EFS CSI driver, create a PersistentVolume with csi.driver efs.csi.aws.com and volumeHandle %1 (%1::&lt;access point&gt; for an access point; root directory %2), and a PersistentVolumeClaim %3 bound to it; IAM authorization and transit encryption are the driver's mount options.</source>
        <translation>EFS CSI ドライバーを入れ、csi.driver が efs.csi.aws.com で volumeHandle が %1（アクセスポイントなら %1::&lt;access point&gt;、ルートディレクトリ %2）の PersistentVolume と、それに結び付く PersistentVolumeClaim %3 を作ってください。IAM 認可と転送時の暗号化はドライバーのマウントオプションです。</translation>
    </message>
    <message>
        <source>A shared Docker volume outlives the task: a PersistentVolumeClaim does.</source>
        <translation>共有の Docker ボリュームはタスクより長く存続します。PersistentVolumeClaim も同じです。</translation>
    </message>
    <message>
        <source>Docker volume %1 (driver %2) became the claim %1, which must be created</source>
        <translation>Docker ボリューム %1（ドライバー %2）はクレーム %1 になりました。このクレームを作る必要があります</translation>
    </message>
    <message>
        <source>Create a PersistentVolumeClaim with a StorageClass that provides what the volume driver did.</source>
        <translation>ボリュームドライバーが提供していたものを提供する StorageClass で PersistentVolumeClaim を作ってください。</translation>
    </message>
    <message>
        <source>A volume without a host path is Docker's scratch volume, which lives as long as the task: an emptyDir lives as long as the pod.</source>
        <translation>ホストパスのないボリュームは Docker の一時ボリュームで、タスクと同じだけ存続します。emptyDir は Pod と同じだけ存続します。</translation>
    </message>
    <message>
        <source>readOnly on a task volume is not an ECS field; set readOnly on the mount points</source>
        <translation>タスクボリュームの readOnly は ECS のフィールドではありません。マウントポイントに readOnly を設定してください</translation>
    </message>
    <message>
        <source>Use the FSx for Windows File Server CSI driver or an SMB CSI driver with a PersistentVolumeClaim.</source>
        <translation>FSx for Windows File Server の CSI ドライバーか SMB の CSI ドライバーを PersistentVolumeClaim とともに使ってください。</translation>
    </message>
    <message>
        <source>Ingress %1 uses the removed API version %2</source>
        <translation>Ingress %1 は削除された API バージョン %2 を使っています</translation>
    </message>
    <message>
        <source>convert it to networking.k8s.io/v1 first (kubectl convert), then run the conversion again</source>
        <translation>先に networking.k8s.io/v1 に変換し(kubectl convert)、もう一度変換を実行してください</translation>
    </message>
    <message>
        <source>Ingress %1 names no ingress class; it is converted as class "nginx"</source>
        <translation>Ingress %1 には Ingress クラスの指定がありません。クラス "nginx" として変換します</translation>
    </message>
    <message>
        <source>set spec.ingressClassName, or --gateway-class to choose the GatewayClass</source>
        <translation>spec.ingressClassName を設定するか、--gateway-class で GatewayClass を選んでください</translation>
    </message>
    <message>
        <source>ingress class "%1" is not a valid object name; the Gateway and its GatewayClass are named "%2"</source>
        <translation>Ingress クラス "%1" はオブジェクト名として使えないため、Gateway とその GatewayClass の名前は "%2" にします</translation>
    </message>
    <message>
        <source>annotation %1 is not carried over to the Gateway API objects</source>
        <translation>アノテーション %1 は Gateway API のオブジェクトに引き継がれません</translation>
    </message>
    <message>
        <source>it belongs to no ingress controller the converter knows; if a tool reads it (cert-manager, external-dns …), check whether it supports Gateway API objects and move it there</source>
        <translation>変換ツールが知るどの Ingress コントローラーのものでもありません。これを読むツール(cert-manager、external-dns など)があれば、Gateway API のオブジェクトに対応しているか確認し、そちらへ移してください</translation>
    </message>
    <message>
        <source>backend protocol %1 has no Gateway API equivalent; Ingress %2 is left out of the conversion</source>
        <translation>バックエンドプロトコル %1 に相当するものは Gateway API にありません。Ingress %2 は変換から除外します</translation>
    </message>
    <message>
        <source>Gateway API routes speak HTTP, HTTPS (with a BackendTLSPolicy) and gRPC to backends; put a proxy that speaks %1 behind a Service</source>
        <translation>Gateway API のルートがバックエンドと話すのは HTTP、HTTPS(BackendTLSPolicy を使用)、gRPC です。%1 を話すプロキシを Service の背後に置いてください</translation>
    </message>
    <message>
        <source>a resource backend has no Gateway API equivalent; this path is left out</source>
        <translation>resource バックエンドに相当するものは Gateway API にありません。このパスは除外します</translation>
    </message>
    <message>
        <source>serve the content from a Service and route to it</source>
        <translation>コンテンツを Service から配信し、そこへルーティングしてください</translation>
    </message>
    <message>
        <source>port "%1" of Service %2 is not in the input; a Gateway API backendRef needs the port number</source>
        <translation>Service %2 のポート "%1" が入力にありません。Gateway API の backendRef にはポート番号が必要です</translation>
    </message>
    <message>
        <source>add the Service's manifest to the files converted, or write port.number in the Ingress</source>
        <translation>変換するファイルに Service のマニフェストを加えるか、Ingress に port.number を書いてください</translation>
    </message>
    <message>
        <source>TLS entry without secretName: the controller's default certificate has no Gateway API equivalent; no HTTPS listener is made for it</source>
        <translation>secretName のない TLS エントリ: コントローラーの既定証明書に相当するものは Gateway API にないため、HTTPS リスナーは作りません</translation>
    </message>
    <message>
        <source>name the Secret that holds the certificate</source>
        <translation>証明書を持つ Secret の名前を指定してください</translation>
    </message>
    <message>
        <source>force-ssl-redirect for host "%1", which has no TLS here: the redirect is not converted</source>
        <translation>ホスト "%1" の force-ssl-redirect: このホストには TLS がないため、リダイレクトは変換しません</translation>
    </message>
    <message>
        <source>when TLS ends in a load balancer in front of the gateway, redirect there; or add the host's certificate to spec.tls</source>
        <translation>ゲートウェイの前段のロードバランサーで TLS を終端する場合はそこでリダイレクトしてください。または spec.tls にホストの証明書を加えてください</translation>
    </message>
    <message>
        <source>the Ingress's defaultBackend: a rule without matches catches every request</source>
        <translation>Ingress の defaultBackend: matches のないルールがすべてのリクエストを受けます</translation>
    </message>
    <message>
        <source>path without pathType (required in networking.k8s.io/v1); read as ImplementationSpecific</source>
        <translation>pathType のないパス(networking.k8s.io/v1 では必須)。ImplementationSpecific として読みます</translation>
    </message>
    <message>
        <source>the path's backend Service and port</source>
        <translation>パスのバックエンドの Service とポート</translation>
    </message>
    <message>
        <source>path "%1" is not of the form /package.Service/Method; the gRPC rule matches every call on the host</source>
        <translation>パス "%1" は /package.Service/Method の形ではありません。この gRPC ルールはホストへのすべての呼び出しに一致します</translation>
    </message>
    <message>
        <source>gRPC routes match services and methods, not paths</source>
        <translation>gRPC ルートが照合するのはパスではなくサービスとメソッドです</translation>
    </message>
    <message>
        <source>a gRPC call is a request for /package.Service/Method: the path names the service and method</source>
        <translation>gRPC の呼び出しは /package.Service/Method へのリクエストです。パスがサービスとメソッドを表します</translation>
    </message>
    <message>
        <source>path "/x(/|$)(.*)" with rewrite-target "/$2" strips the prefix /x: a PathPrefix match with ReplacePrefixMatch "/"</source>
        <translation>パス "/x(/|$)(.*)" と rewrite-target "/$2" はプレフィックス /x を取り除きます: PathPrefix の一致と ReplacePrefixMatch "/"</translation>
    </message>
    <message>
        <source>nginx.org/path-regex makes the path a regular expression</source>
        <translation>nginx.org/path-regex によりパスは正規表現になります</translation>
    </message>
    <message>
        <source>path "%1" becomes a RegularExpression match: NGINX finds the expression anywhere in the path, most Gateway API implementations match the whole path</source>
        <translation>パス "%1" は RegularExpression の一致になります: NGINX はパスのどこかに一致すればよいのに対し、多くの Gateway API 実装はパス全体で照合します</translation>
    </message>
    <message>
        <source>regular expression support and syntax are implementation-specific (NGINX Gateway Fabric has none); prefer Exact or PathPrefix where the expression is a plain path</source>
        <translation>正規表現の対応と構文は実装ごとに異なります(NGINX Gateway Fabric は非対応)。式がただのパスなら Exact か PathPrefix を使ってください</translation>
    </message>
    <message>
        <source>use-regex or rewrite-target on an Ingress of this host makes every path of the host a case-insensitive regular expression in ingress-nginx</source>
        <translation>ingress-nginx では、このホストのいずれかの Ingress に use-regex か rewrite-target があると、ホストのすべてのパスが大文字小文字を区別しない正規表現になります</translation>
    </message>
    <message>
        <source>pathType Exact → Exact</source>
        <translation>pathType Exact → Exact</translation>
    </message>
    <message>
        <source>pathType Prefix → PathPrefix (both match whole path segments)</source>
        <translation>pathType Prefix → PathPrefix(どちらもパスのセグメント単位で一致)</translation>
    </message>
    <message>
        <source>pathType ImplementationSpecific is a prefix match in NGINX (without use-regex) → PathPrefix</source>
        <translation>pathType ImplementationSpecific は NGINX では(use-regex なしなら)前方一致 → PathPrefix</translation>
    </message>
    <message>
        <source>unknown pathType "%1"; read as ImplementationSpecific</source>
        <translation>不明な pathType "%1"。ImplementationSpecific として読みます</translation>
    </message>
    <message>
        <source>this annotation has no GRPCRoute equivalent (no redirect, rewrite, CORS or timeout there); it is not applied to the gRPC rules</source>
        <translation>このアノテーションに相当するものは GRPCRoute にありません(リダイレクト、書き換え、CORS、タイムアウトがない)。gRPC のルールには適用しません</translation>
    </message>
    <message>
        <source>redirect code %1 is not allowed here; %2 is used</source>
        <translation>リダイレクトコード %1 はここでは使えません。%2 を使います</translation>
    </message>
    <message>
        <source>both temporal-redirect and permanent-redirect are set; ingress-nginx uses temporal-redirect, and so does the conversion</source>
        <translation>temporal-redirect と permanent-redirect の両方が設定されています。ingress-nginx は temporal-redirect を使うため、変換もそれに従います</translation>
    </message>
    <message>
        <source>redirect target "%1" is not an http(s) URL or an absolute path; the redirect is not converted</source>
        <translation>リダイレクト先 "%1" は http(s) の URL でも絶対パスでもありません。リダイレクトは変換しません</translation>
    </message>
    <message>
        <source>redirect target "%1": RequestRedirect cannot set a query string; the query is left out</source>
        <translation>リダイレクト先 "%1": RequestRedirect はクエリ文字列を設定できないため、クエリは除きます</translation>
    </message>
    <message>
        <source>the redirect annotation answers every request of the Ingress with a redirect</source>
        <translation>リダイレクトのアノテーションにより、この Ingress へのすべてのリクエストにリダイレクトで応えます</translation>
    </message>
    <message>
        <source>headers NGINX sets on the request to the backend → RequestHeaderModifier</source>
        <translation>NGINX がバックエンドへのリクエストに設定するヘッダー → RequestHeaderModifier</translation>
    </message>
    <message>
        <source>response headers NGINX adds or hides → ResponseHeaderModifier</source>
        <translation>NGINX が追加または隠すレスポンスヘッダー → ResponseHeaderModifier</translation>
    </message>
    <message>
        <source>rewrite-target "%1" uses capture groups of the path's regular expression; Gateway API rewrites cannot, so the rewrite is not converted</source>
        <translation>rewrite-target "%1" はパスの正規表現のキャプチャグループを使っています。Gateway API の書き換えではできないため、書き換えは変換しません</translation>
    </message>
    <message>
        <source>for the idiom path "/x(/|$)(.*)" with rewrite-target "/$2" the converter makes a ReplacePrefixMatch; otherwise split the path into PathPrefix rules with ReplacePrefixMatch</source>
        <translation>パス "/x(/|$)(.*)" と rewrite-target "/$2" の定番の書き方なら ReplacePrefixMatch に変換します。それ以外はパスを ReplacePrefixMatch 付きの PathPrefix ルールに分けてください</translation>
    </message>
    <message>
        <source>NGINX's rewrite replaces the whole request path → URLRewrite ReplaceFullPath</source>
        <translation>NGINX の rewrite はリクエストパス全体を置き換えます → URLRewrite ReplaceFullPath</translation>
    </message>
    <message>
        <source>nginx.org/rewrites replaces the matched prefix → URLRewrite ReplacePrefixMatch</source>
        <translation>nginx.org/rewrites は一致したプレフィックスを置き換えます → URLRewrite ReplacePrefixMatch</translation>
    </message>
    <message>
        <source>nginx.org/rewrites on an exact or regex path → URLRewrite ReplaceFullPath</source>
        <translation>完全一致または正規表現のパスへの nginx.org/rewrites → URLRewrite ReplaceFullPath</translation>
    </message>
    <message>
        <source>enable-cors and cors-* → the CORS filter, with ingress-nginx's defaults for what is not set</source>
        <translation>enable-cors と cors-* → CORS フィルター(未設定の項目は ingress-nginx の既定値)</translation>
    </message>
    <message>
        <source>NGINX's proxy timeouts limit each connect, read and write; the whole request may take 10 × the largest</source>
        <translation>NGINX のプロキシタイムアウトは接続・読み取り・書き込みのそれぞれを制限します。リクエスト全体には最大値の 10 倍まで許します</translation>
    </message>
    <message>
        <source>redirect-to-https: NGINX redirects to https (301) when X-Forwarded-Proto is http; the same matches with that header redirect</source>
        <translation>redirect-to-https: NGINX は X-Forwarded-Proto が http のとき https へリダイレクト(301)します。同じ一致条件にそのヘッダーを加えたものでリダイレクトします</translation>
    </message>
    <message>
        <source>app-root "%1" is not a path; ingress-nginx ignores it and so does the conversion</source>
        <translation>app-root "%1" はパスではありません。ingress-nginx は無視するため、変換も無視します</translation>
    </message>
    <message>
        <source>app-root redirects the root path to the application (302)</source>
        <translation>app-root はルートパスをアプリケーションへリダイレクトします(302)</translation>
    </message>
    <message>
        <source>canary Ingress %1 has no primary Ingress with host "%2" and path "%3"</source>
        <translation>カナリア Ingress %1 には、ホスト "%2"・パス "%3" の本番側 Ingress がありません</translation>
    </message>
    <message>
        <source>ingress-nginx ignores such a canary; convert it together with the Ingress it is the canary of</source>
        <translation>ingress-nginx はこのようなカナリアを無視します。カナリアの対象となる Ingress と一緒に変換してください</translation>
    </message>
    <message>
        <source>canary-by-header: requests with the header set to "always" go to the canary</source>
        <translation>canary-by-header: ヘッダーが "always" のリクエストはカナリアへ送られます</translation>
    </message>
    <message>
        <source>canary-by-header-value: requests with the header set to this value go to the canary</source>
        <translation>canary-by-header-value: ヘッダーがこの値のリクエストはカナリアへ送られます</translation>
    </message>
    <message>
        <source>canary-by-header-pattern: requests whose header matches the expression go to the canary</source>
        <translation>canary-by-header-pattern: ヘッダーが式に一致するリクエストはカナリアへ送られます</translation>
    </message>
    <message>
        <source>the canary Ingress's backend</source>
        <translation>カナリア Ingress のバックエンド</translation>
    </message>
    <message>
        <source>canary-by-header: requests with the header set to "never" never go to the canary</source>
        <translation>canary-by-header: ヘッダーが "never" のリクエストはカナリアへ送られません</translation>
    </message>
    <message>
        <source>canary-weight: the canary gets weight/total of the requests, the primary the rest</source>
        <translation>canary-weight: リクエストの weight/total をカナリアへ、残りを本番側へ送ります</translation>
    </message>
    <message>
        <source>proxy-ssl-secret %1 is in namespace %2; a BackendTLSPolicy can only use CA certificates from its own namespace (%3)</source>
        <translation>proxy-ssl-secret %1 は名前空間 %2 にあります。BackendTLSPolicy は自分の名前空間(%3)の CA 証明書しか使えません</translation>
    </message>
    <message>
        <source>copy the CA certificate into a ConfigMap in the Ingress's namespace</source>
        <translation>CA 証明書を Ingress の名前空間の ConfigMap にコピーしてください</translation>
    </message>
    <message>
        <source>BackendTLSPolicy %1 reads the CA from ConfigMap %2; ingress-nginx read it from the Secret of that name</source>
        <translation>BackendTLSPolicy %1 は CA を ConfigMap %2 から読みます。ingress-nginx は同名の Secret から読んでいました</translation>
    </message>
    <message>
        <source>create a ConfigMap %1 with the key ca.crt holding the Secret's ca.crt</source>
        <translation>Secret の ca.crt をキー ca.crt に持つ ConfigMap %1 を作ってください</translation>
    </message>
    <message>
        <source>the backend speaks TLS: a BackendTLSPolicy makes the gateway connect to the Service with TLS</source>
        <translation>バックエンドは TLS を話します: BackendTLSPolicy によりゲートウェイは Service へ TLS で接続します</translation>
    </message>
    <message>
        <source>BackendTLSPolicy %1: check validation.hostname (%2) and the CA (%3); Gateway API always verifies the backend's certificate, NGINX did not unless told to</source>
        <translation>BackendTLSPolicy %1: validation.hostname(%2)と CA(%3)を確認してください。Gateway API は常にバックエンドの証明書を検証しますが、NGINX は指定しない限り検証しませんでした</translation>
    </message>
    <message>
        <source>set validation.hostname to a name in the backend's certificate and caCertificateRefs to a ConfigMap with the CA that signed it</source>
        <translation>validation.hostname にバックエンドの証明書にある名前を、caCertificateRefs にその証明書に署名した CA を持つ ConfigMap を設定してください</translation>
    </message>
    <message>
        <source>proxy-ssl-verify "off" cannot be kept: BackendTLSPolicy always verifies</source>
        <translation>proxy-ssl-verify "off" は引き継げません: BackendTLSPolicy は常に検証します</translation>
    </message>
    <message>
        <source>ssl-passthrough: a TLS listener in Passthrough mode for the host</source>
        <translation>ssl-passthrough: ホスト用の Passthrough モードの TLS リスナー</translation>
    </message>
    <message>
        <source>a host listed in spec.tls gets an HTTPS listener with its Secret</source>
        <translation>spec.tls に挙げたホストには、その Secret を使う HTTPS リスナーを作ります</translation>
    </message>
    <message>
        <source>every host of the Ingress gets an HTTP listener</source>
        <translation>Ingress の各ホストに HTTP リスナーを作ります</translation>
    </message>
    <message>
        <source>the Ingress rule's host</source>
        <translation>Ingress ルールのホスト</translation>
    </message>
    <message>
        <source>host "%1" has both gRPC and HTTP backends; a GRPCRoute and an HTTPRoute for the same hostname on one listener conflict in Gateway API</source>
        <translation>ホスト "%1" には gRPC と HTTP の両方のバックエンドがあります。Gateway API では、同じリスナーで同じホスト名の GRPCRoute と HTTPRoute は競合します</translation>
    </message>
    <message>
        <source>serve the gRPC services under their own hostname</source>
        <translation>gRPC サービスは専用のホスト名で提供してください</translation>
    </message>
    <message>
        <source>ingress-nginx redirects HTTP to HTTPS (308) for hosts with TLS unless ssl-redirect is "false"</source>
        <translation>ingress-nginx は、ssl-redirect が "false" でない限り、TLS のあるホストで HTTP を HTTPS へリダイレクト(308)します</translation>
    </message>
    <message>
        <source>NGINX Ingress Controller redirects HTTP to HTTPS (301) for hosts with TLS unless ssl-redirect is "false"</source>
        <translation>NGINX Ingress Controller は、ssl-redirect が "false" でない限り、TLS のあるホストで HTTP を HTTPS へリダイレクト(301)します</translation>
    </message>
    <message>
        <source>ssl-passthrough: the TLS connection goes to the backend undecrypted, chosen by SNI</source>
        <translation>ssl-passthrough: TLS 接続は復号されずに、SNI で選ばれたバックエンドへ送られます</translation>
    </message>
    <message>
        <source>ssl-passthrough without a host: the TLSRoute takes every TLS connection on port 443</source>
        <translation>ホストのない ssl-passthrough: TLSRoute がポート 443 のすべての TLS 接続を受けます</translation>
    </message>
    <message>
        <source>from-to-www-redirect needs a host that is not a wildcard; not converted</source>
        <translation>from-to-www-redirect にはワイルドカードでないホストが必要です。変換しません</translation>
    </message>
    <message>
        <source>from-to-www-redirect: requests for the other form of the host are redirected (308) to the written host</source>
        <translation>from-to-www-redirect: ホストのもう一方の形(www の有無)へのリクエストを、書かれたホストへリダイレクト(308)します</translation>
    </message>
    <message>
        <source>one Gateway per ingress class; its GatewayClass has the class's name</source>
        <translation>Ingress クラスごとに Gateway を 1 つ作ります。GatewayClass はクラスと同じ名前です</translation>
    </message>
    <message>
        <source>one Gateway per ingress class; the GatewayClass comes from --gateway-class</source>
        <translation>Ingress クラスごとに Gateway を 1 つ作ります。GatewayClass は --gateway-class で指定したものです</translation>
    </message>
    <message>
        <source>no networking.k8s.io/v1 Ingress in the input</source>
        <translation>入力に networking.k8s.io/v1 の Ingress がありません</translation>
    </message>
    <message>
        <source>authentication is not part of the Gateway API; use your implementation's authentication policy or an authenticating proxy</source>
        <translation>認証は Gateway API の範囲外です。実装の認証ポリシーか認証プロキシを使ってください</translation>
    </message>
    <message>
        <source>rate and connection limits are not part of the Gateway API; use your implementation's rate-limit policy</source>
        <translation>レート制限と接続数制限は Gateway API の範囲外です。実装のレート制限ポリシーを使ってください</translation>
    </message>
    <message>
        <source>NGINX configuration snippets have no Gateway API equivalent; express what they do as route filters or implementation policies</source>
        <translation>NGINX の設定スニペットに相当するものは Gateway API にありません。その処理をルートのフィルターか実装のポリシーで表してください</translation>
    </message>
    <message>
        <source>body size and buffering limits are not part of the Gateway API; most implementations have reasonable defaults, otherwise use an implementation policy</source>
        <translation>ボディサイズとバッファリングの制限は Gateway API の範囲外です。多くの実装は妥当な既定値を持っています。必要なら実装のポリシーを使ってください</translation>
    </message>
    <message>
        <source>IP-based access control is not part of the Gateway API; use your implementation's authorization policy</source>
        <translation>IP アドレスによるアクセス制御は Gateway API の範囲外です。実装の認可ポリシーを使ってください</translation>
    </message>
    <message>
        <source>cookie session affinity is not converted; HTTPRoute rules have an experimental sessionPersistence field you can set by hand if your implementation supports it</source>
        <translation>Cookie によるセッションアフィニティは変換しません。実装が対応していれば、HTTPRoute のルールの実験的フィールド sessionPersistence を手で設定できます</translation>
    </message>
    <message>
        <source>the load-balancing algorithm is not part of the Gateway API; use your implementation's backend policy</source>
        <translation>負荷分散のアルゴリズムは Gateway API の範囲外です。実装のバックエンドポリシーを使ってください</translation>
    </message>
    <message>
        <source>Gateway API implementations choose between endpoints and the Service's cluster IP themselves</source>
        <translation>エンドポイントと Service のクラスター IP のどちらを使うかは Gateway API の実装が決めます</translation>
    </message>
    <message>
        <source>access logs and tracing are configured on the implementation, not in Gateway API objects</source>
        <translation>アクセスログとトレーシングは Gateway API のオブジェクトではなく実装側で設定します</translation>
    </message>
    <message>
        <source>Gateway API has no cookie match; send the canary choice in a header and use canary-by-header instead</source>
        <translation>Gateway API には Cookie の一致条件がありません。カナリアの選択をヘッダーで送り、代わりに canary-by-header を使ってください</translation>
    </message>
    <message>
        <source>the headers come from a ConfigMap the converter does not read; add a ResponseHeaderModifier filter with them by hand</source>
        <translation>ヘッダーは変換ツールが読まない ConfigMap にあります。それらのヘッダーで ResponseHeaderModifier フィルターを手で追加してください</translation>
    </message>
    <message>
        <source>Gateway API does not rewrite the Location header of responses</source>
        <translation>Gateway API はレスポンスの Location ヘッダーを書き換えません</translation>
    </message>
    <message>
        <source>BackendTLSPolicy has no setting for this; the implementation's defaults apply</source>
        <translation>BackendTLSPolicy にはこの設定がありません。実装の既定値が使われます</translation>
    </message>
    <message>
        <source>custom error pages are not part of the Gateway API; use your implementation's policy or let the backend serve them</source>
        <translation>カスタムエラーページは Gateway API の範囲外です。実装のポリシーを使うか、バックエンドに返させてください</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not true or false; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は true でも false でもありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not on or off; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は on でも off でもありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not an integer; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は整数ではありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1 is not converted</source>
        <translation>アノテーション %1 は変換しません</translation>
    </message>
    <message>
        <source>the converter knows no Gateway API equivalent; check what the annotation does and configure your implementation instead</source>
        <translation>変換ツールはこれに相当する Gateway API の機能を知りません。アノテーションの働きを確認し、代わりに実装側で設定してください</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not a comma-separated list of ports; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" はカンマ区切りのポート番号の並びではありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1 needs no conversion: Gateway API implementations pass WebSocket upgrades through HTTPRoutes</source>
        <translation>アノテーション %1 は変換不要です: Gateway API の実装は HTTPRoute で WebSocket のアップグレードを通します</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not true, case_sensitive or case_insensitive; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は true、case_sensitive、case_insensitive のいずれでもありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not "serviceName=NAME rewrite=PATH;…"; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は "serviceName=NAME rewrite=PATH;…" の形ではありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>annotation %1: "%2" is not a number of seconds; the annotation is ignored</source>
        <translation>アノテーション %1: "%2" は秒数ではありません。このアノテーションは無視します</translation>
    </message>
    <message>
        <source>this Istio field is not converted: the Gateway API has no equivalent</source>
        <translation>この Istio のフィールドは変換されません: Gateway API に相当するものがありません</translation>
    </message>
    <message>
        <source>not converted: a Gateway API Gateway gets its own deployment from its GatewayClass</source>
        <translation>変換されません: Gateway API の Gateway は GatewayClass から自身のデプロイメントを得ます</translation>
    </message>
    <message>
        <source>server protocol "%1" has no Gateway API listener protocol; the server is left out</source>
        <translation>サーバーのプロトコル "%1" に相当する Gateway API のリスナープロトコルがないため、このサーバーは除外されます</translation>
    </message>
    <message>
        <source>tls.httpsRedirect is not converted: add an HTTPRoute on the HTTP listener with a RequestRedirect filter (scheme: https)</source>
        <translation>tls.httpsRedirect は変換されません: HTTP リスナーに RequestRedirect フィルター（scheme: https）を持つ HTTPRoute を追加してください</translation>
    </message>
    <message>
        <source>TLS mode %1 has no Gateway API equivalent; the listener gets no tls section</source>
        <translation>TLS モード %1 に相当するものが Gateway API にないため、リスナーに tls セクションは付きません</translation>
    </message>
    <message>
        <source>client certificate checks (MUTUAL) are not converted: configure spec.tls.frontend on the Gateway</source>
        <translation>クライアント証明書の検査（MUTUAL）は変換されません: Gateway の spec.tls.frontend を設定してください</translation>
    </message>
    <message>
        <source>the server has no credentialName: a listener that terminates TLS needs tls.certificateRefs naming a Secret (kubectl apply refuses it without one)</source>
        <translation>サーバーに credentialName がありません: TLS を終端するリスナーには Secret を指す tls.certificateRefs が必要です（ないと kubectl apply が拒否します）</translation>
    </message>
    <message>
        <source>the namespace part of "%1" is not converted: limit the listener's allowedRoutes to that namespace if you need it</source>
        <translation>"%1" の名前空間部分は変換されません: 必要ならリスナーの allowedRoutes をその名前空間に制限してください</translation>
    </message>
    <message>
        <source>"%1" gives the same listener (port, protocol and hostname) as an earlier host; one listener serves both</source>
        <translation>"%1" は前のホストと同じリスナー（ポート、プロトコル、ホスト名）になるため、1 つのリスナーが両方を受け持ちます</translation>
    </message>
    <message>
        <source>one listener per host of each Istio server; the port protocol becomes the listener protocol</source>
        <translation>Istio の各サーバーのホストごとに 1 つのリスナー。ポートのプロトコルがリスナーのプロトコルになります</translation>
    </message>
    <message>
        <source>"%1" is not a Kubernetes Service name (name.namespace.svc…); it is read as Service %2 in namespace %3: check it</source>
        <translation>"%1" は Kubernetes の Service 名（name.namespace.svc…）ではありません。名前空間 %3 の Service %2 として読みました。確認してください</translation>
    </message>
    <message>
        <source>subset "%1" is not converted (it lives in a DestinationRule): point a Service of its own at the subset's pods and use that Service</source>
        <translation>サブセット "%1" は変換されません（DestinationRule にあります）: そのサブセットの Pod を指す専用の Service を作り、その Service を使ってください</translation>
    </message>
    <message>
        <source>the destination has no port: Istio picks the Service's only port, the Gateway API requires one (kubectl apply refuses the route without it)</source>
        <translation>宛先にポートがありません: Istio は Service の唯一のポートを選びますが、Gateway API では必須です（ないと kubectl apply がルートを拒否します）</translation>
    </message>
    <message>
        <source>add destination.port.number, or port: to the generated backendRef</source>
        <translation>destination.port.number を追加するか、生成された backendRef に port: を書いてください</translation>
    </message>
    <message>
        <source>%1 match on "%2" is not converted: only exact and regex have a Gateway API equivalent</source>
        <translation>"%2" に対する %1 のマッチは変換されません: Gateway API に相当するのは exact と regex だけです</translation>
    </message>
    <message>
        <source>only an exact method match is converted</source>
        <translation>変換されるのはメソッドの exact マッチだけです</translation>
    </message>
    <message>
        <source>redirect code %1 is not one the Gateway API allows (301, 302, 303, 307, 308); 302 is used</source>
        <translation>リダイレクトコード %1 は Gateway API で使えません（301、302、303、307、308）。302 を使います</translation>
    </message>
    <message>
        <source>a rule that redirects cannot also forward: the route destinations are left out (the CRD refuses RequestRedirect together with backendRefs)</source>
        <translation>リダイレクトするルールは転送もできません: route の宛先は除外されます（CRD は RequestRedirect と backendRefs の併用を拒否します）</translation>
    </message>
    <message>
        <source>this allowed origin is not converted: the Gateway API CORS filter takes exact origins and *. host wildcards, not prefixes or regular expressions</source>
        <translation>この許可オリジンは変換されません: Gateway API の CORS フィルターが受け付けるのは完全一致のオリジンと *. のホストワイルドカードで、前方一致や正規表現は使えません</translation>
    </message>
    <message>
        <source>timeout "%1" is not a duration; it is left out</source>
        <translation>タイムアウト "%1" は期間ではないため除外されます</translation>
    </message>
    <message>
        <source>the rewrite is split into two HTTPRoutes: exact and regex matches replace the full path, prefix matches replace the matched prefix</source>
        <translation>書き換えは 2 つの HTTPRoute に分割されます: exact と regex のマッチはパス全体を、prefix のマッチは一致した前方部分を置き換えます</translation>
    </message>
    <message>
        <source>the "mesh" gateway (sidecar traffic) is not converted: this route is for ingress only</source>
        <translation>"mesh" ゲートウェイ（サイドカーのトラフィック）は変換されません: このルートはイングレス専用です</translation>
    </message>
    <message>
        <source>Gateway %1 is not among the converted files; the parentRef is kept, convert that Gateway too</source>
        <translation>Gateway %1 は変換したファイルに含まれていません。parentRef は残すので、その Gateway も変換してください</translation>
    </message>
    <message>
        <source>the VirtualService names no gateway (it applies to the mesh): the routes get no parentRefs; add one</source>
        <translation>VirtualService がゲートウェイを指定していません（メッシュに適用されます）: ルートに parentRefs が付かないので追加してください</translation>
    </message>
    <message>
        <source>each http entry of a VirtualService becomes an HTTPRoute with the VirtualService's hosts and gateways</source>
        <translation>VirtualService の http の各エントリーは、VirtualService のホストとゲートウェイを持つ HTTPRoute になります</translation>
    </message>
    <message>
        <source>each tls entry becomes a TLSRoute (SNI hosts → hostnames), each tcp entry a TCPRoute</source>
        <translation>tls の各エントリーは TLSRoute（SNI ホスト → hostnames）に、tcp の各エントリーは TCPRoute になります</translation>
    </message>
    <message>
        <source>%1 %2 is not an Istio Gateway or VirtualService; it is skipped</source>
        <translation>%1 %2 は Istio の Gateway でも VirtualService でもないためスキップします</translation>
    </message>
    <message>
        <source>Gateway %1 admits routes from namespaces %2 (allowedRoutes), as Istio did for the VirtualServices bound to it</source>
        <translation>Gateway %1 は、Istio がバインドされた VirtualService に対してそうしていたように、名前空間 %2 のルートを受け入れます（allowedRoutes）</translation>
    </message>
    <message>
        <source>required cookie "%1" is not checked by the route: the Gateway API has no cookie match</source>
        <translation>必須のクッキー "%1" はルートでは検査されません: Gateway API にクッキーのマッチはありません</translation>
    </message>
    <message>
        <source>no GatewayClass given: the generated Gateway needs one</source>
        <translation>GatewayClass が指定されていません: 生成する Gateway に必要です</translation>
    </message>
    <message>
        <source>pass --gateway-class NAME</source>
        <translation>--gateway-class NAME を指定してください</translation>
    </message>
    <message>
        <source>no backend Service given: every route needs one</source>
        <translation>バックエンドの Service が指定されていません: すべてのルートに必要です</translation>
    </message>
    <message>
        <source>pass --backend [NAMESPACE/]NAME[:PORT]</source>
        <translation>--backend [NAMESPACE/]NAME[:PORT] を指定してください</translation>
    </message>
    <message>
        <source>server URL "%1" is neither http nor https; it is read as http</source>
        <translation>サーバー URL "%1" は http でも https でもないため http として読みます</translation>
    </message>
    <message>
        <source>required %1 parameter "%2" becomes a RegularExpression ".*" match (present, any value): the Gateway API has no presence match and its regular expression support is implementation-specific</source>
        <translation>必須の %1 パラメーター "%2" は RegularExpression ".*" のマッチ（存在し、値は任意）になります: Gateway API には存在だけのマッチがなく、正規表現のサポートは実装依存です</translation>
    </message>
    <message>
        <source>the path template %1 becomes the RegularExpression %2 (one segment per parameter): an Exact match would never match a real request, and the CRD refuses '{' in it; regular expression support is implementation-specific</source>
        <translation>パステンプレート %1 は RegularExpression %2（パラメーターごとに 1 セグメント）になります: Exact では実際のリクエストに一致せず、CRD は '{' を拒否します。正規表現のサポートは実装依存です</translation>
    </message>
    <message>
        <source>the API is served over https but no TLS Secret was given: the HTTPS listeners have no certificateRefs and kubectl apply refuses them</source>
        <translation>API は https で提供されますが TLS の Secret が指定されていません: HTTPS リスナーに certificateRefs がなく、kubectl apply が拒否します</translation>
    </message>
    <message>
        <source>pass --tls-secret [NAMESPACE/]NAME</source>
        <translation>--tls-secret [NAMESPACE/]NAME を指定してください</translation>
    </message>
    <message>
        <source>%1 is in namespace %2 but no namespace was given for the generated objects, so no ReferenceGrant can name them: pass --namespace</source>
        <translation>%1 は名前空間 %2 にありますが、生成するオブジェクトの名前空間が指定されていないため ReferenceGrant で指定できません: --namespace を指定してください</translation>
    </message>
    <message>
        <source>the backend %1 has no port: a Service reference needs one (kubectl apply refuses the routes)</source>
        <translation>バックエンド %1 にポートがありません: Service の参照には必要です（kubectl apply がルートを拒否します）</translation>
    </message>
    <message>
        <source>pass --backend NAME:PORT</source>
        <translation>--backend NAME:PORT を指定してください</translation>
    </message>
    <message>
        <source>every operation of the API becomes an Exact path match with its method; operations served by the same servers share a route</source>
        <translation>API の各オペレーションはメソッド付きの Exact パスマッチになります。同じサーバーで提供されるオペレーションは 1 つのルートを共有します</translation>
    </message>
    <message>
        <source>the document has no operations: the Gateway has no routes</source>
        <translation>ドキュメントにオペレーションがありません: Gateway にルートがありません</translation>
    </message>
    <message>
        <source>not an OpenAPI 3.x document</source>
        <translation>OpenAPI 3.x のドキュメントではありません</translation>
    </message>
    <message>
        <source>the file must start with `openapi: 3.x.y` and have `paths`</source>
        <translation>ファイルは `openapi: 3.x.y` で始まり、`paths` を持つ必要があります</translation>
    </message>
    <message>
        <source>the apiVersion %1 of %2 %3 is not written as plain text at this position (an escape or an alias?); it is left as is</source>
        <translation>%2 %3 の apiVersion %1 はこの位置にそのままのテキストで書かれていません（エスケープかエイリアス？）。変更せずに残します</translation>
    </message>
    <message>
        <source>write apiVersion: %1 by hand</source>
        <translation>apiVersion: %1 を手で書いてください</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: DNS reply with the query's ID</source>
        <translation>%1: 問い合わせと同じ ID の DNS 応答</translation>
    </message>
    <message>
        <source>%1: answered by %2</source>
        <translation>%1: %2 が応答</translation>
    </message>
    <message>
        <source>the %1 converter finds nothing to read in this input</source>
        <translation>%1 の変換はこの入力に読めるものを見つけられません</translation>
    </message>
    <message>
        <source>Choose the converter automatically, or give this one its own input</source>
        <translation>変換元を「自動」にするか、この変換に合った入力を与えてください</translation>
    </message>
    <message>
        <source>no converter reads this input</source>
        <translation>この入力を読める変換がありません</translation>
    </message>
    <message>
        <source>Give an ECS task definition, ALB listener rules, an Ingress, Istio objects or an OpenAPI 3 document</source>
        <translation>ECS タスク定義、ALB リスナールール、Ingress、Istio オブジェクト、OpenAPI 3 ドキュメントのいずれかを与えてください</translation>
    </message>
    <message>
        <source>%1 is known only when the stack is deployed: the output holds the placeholder "%2"</source>
        <translation>%1 はスタックをデプロイするまで決まりません: 出力にはプレースホルダー "%2" が入っています</translation>
    </message>
    <message>
        <source>Replace the placeholder with the deployed value (aws cloudformation describe-stack-resources, or the stack's outputs) before applying.</source>
        <translation>適用する前に、プレースホルダーをデプロイ後の値 (aws cloudformation describe-stack-resources、またはスタックの出力) に置き換えてください。</translation>
    </message>
    <message>
        <source>%1 was read as the Default of parameter %2</source>
        <translation>%1 はパラメーター %2 の Default として読みました</translation>
    </message>
    <message>
        <source>A stack deployed with another value for the parameter needs the same change here.</source>
        <translation>パラメーターに別の値を指定してデプロイするスタックでは、ここも同じように変更してください。</translation>
    </message>
    <message>
        <source>%1 depends on %2, known only when the stack is deployed: the output holds the placeholder "%3"</source>
        <translation>%1 はスタックをデプロイするまで決まらない %2 に依存します: 出力にはプレースホルダー "%3" が入っています</translation>
    </message>
    <message>
        <source>the notes tell a step ("%1") without naming its %2, and the case loaded %3 of them</source>
        <translation>ノートは手順（「%1」）を述べていますが対象の %2 を名指ししておらず、ケースはそれを %3 個読み込んでいます</translation>
    </message>
    <message>
        <source>%1: follows a step the case describes only in prose ("%2"), which the runner cannot perform: %3</source>
        <translation>%1: ケースが文章でのみ記述している手順（「%2」）の後にあり、ランナーはその手順を実行できません: %3</translation>
    </message>
    <message>
        <source>several steps of the notes fit it</source>
        <translation>ノートの複数の手順が当てはまります</translation>
    </message>
    <message>
        <source>cannot read "%1": %2</source>
        <translation>「%1」を読み取れません: %2</translation>
    </message>
    <message>
        <source>the notes place it among the requests</source>
        <translation>ノートはその手順をリクエストの間に置いています</translation>
    </message>
    <message>
        <source>the requests are interleaved with a step the case tells only in prose ("%1"), which the runner cannot place among them</source>
        <translation>リクエストの間に、ケースが文章でのみ述べている手順（「%1」）があり、ランナーはそれをリクエストの間のどこに置くか決められません</translation>
    </message>
    <message>
        <source>"%1" is not a field path and a value</source>
        <translation>「%1」はフィールドパスと値ではありません</translation>
    </message>
    <message>
        <source>"%1" is not a field path</source>
        <translation>「%1」はフィールドパスではありません</translation>
    </message>
    <message>
        <source>the value of %1 ("%2") is not YAML</source>
        <translation>%1 の値（「%2」）は YAML ではありません</translation>
    </message>
    <message>
        <source>it creates no object named as KIND namespace/name</source>
        <translation>KIND namespace/name の形で名前を挙げたオブジェクトを作成していません</translation>
    </message>
    <message>
        <source>the fields of the new object do not follow a ':'</source>
        <translation>新しいオブジェクトのフィールドが ':' の後に書かれていません</translation>
    </message>
    <message>
        <source>it deletes no object named by its kind</source>
        <translation>種類で名前を挙げたオブジェクトを削除していません</translation>
    </message>
    <message>
        <source>"%1" after the deleted object is not understood</source>
        <translation>削除するオブジェクトの後の「%1」を解釈できません</translation>
    </message>
    <message>
        <source>a patch of a named object says its fields after "so" or ':'</source>
        <translation>名前を挙げたオブジェクトへのパッチは、そのフィールドを "so" または ':' の後に書きます</translation>
    </message>
    <message>
        <source>it appends no value</source>
        <translation>追加する値がありません</translation>
    </message>
    <message>
        <source>"from" without "to": the new value is missing</source>
        <translation>"to" のない "from" です。新しい値がありません</translation>
    </message>
    <message>
        <source>no step verb</source>
        <translation>手順を表す動詞がありません</translation>
    </message>
    <message>
        <source>a step is create, delete or patch</source>
        <translation>手順は create、delete、patch のいずれかです</translation>
    </message>
    <message>
        <source>the notes name several %1 objects</source>
        <translation>ノートが %1 オブジェクトを複数挙げています</translation>
    </message>
    <message>
        <source>unknown protocol "%1"; use http, https, h2c, h2, grpc, tcp, udp or tls</source>
        <translation>不明なプロトコル "%1" です。http、https、h2c、h2、grpc、tcp、udp、tls のいずれかを指定してください</translation>
    </message>
    <message>
        <source>a tls line sends one echo sample; only listener and host (the SNI) apply</source>
        <translation>tls の行はエコーのサンプルを 1 回送ります。使えるのは listener と host（SNI）だけです</translation>
    </message>
    <message>
        <source>a tcp or udp line sends one echo sample; only listener applies</source>
        <translation>tcp・udp の行はエコーのサンプルを 1 回送ります。使えるのは listener だけです</translation>
    </message>
    <message>
        <source>a grpc line makes one unary call: give grpc: {service, method}, host and headers (sent as metadata)</source>
        <translation>grpc の行は unary 呼び出しを 1 回行います。grpc: {service, method}、host、headers（メタデータとして送信）を指定してください</translation>
    </message>
    <message>
        <source>grpc applies to protocol: grpc only</source>
        <translation>grpc は protocol: grpc の行にだけ使えます</translation>
    </message>
    <message>
        <source>%1 does not apply to protocol %2</source>
        <translation>%1 はプロトコル %2 には使えません</translation>
    </message>
    <message>
        <source>grpc is a map: {service, method}</source>
        <translation>grpc はマップです: {service, method}</translation>
    </message>
    <message>
        <source>grpc.%1 must be a name without spaces or /, not "%2"</source>
        <translation>grpc.%1 は空白や / を含まない名前にしてください（"%2" ではなく）</translation>
    </message>
    <message>
        <source>expect.backend and expect.namespace cannot be judged on a WebSocket connection: the echo's /ws endpoint does not name its pod</source>
        <translation>WebSocket 接続では expect.backend と expect.namespace を判定できません: エコーの /ws エンドポイントはポッド名を示しません</translation>
    </message>
    <message>
        <source>%1: the WebSocket handshake was refused with status %2 (expected %3): %4</source>
        <translation>%1: WebSocket のハンドシェイクがステータス %2 で拒否されました（期待値 %3）: %4</translation>
    </message>
    <message>
        <source>%1: invalid WebSocket handshake: %2</source>
        <translation>%1: WebSocket のハンドシェイクが不正です: %2</translation>
    </message>
    <message>
        <source>%1: cannot send message %2 of %3: %4</source>
        <translation>%1: メッセージ %2/%3 を送信できません: %4</translation>
    </message>
    <message>
        <source>%1: message %2 of %3 (%4) did not come back: %5</source>
        <translation>%1: メッセージ %2/%3（%4）が返ってきませんでした: %5</translation>
    </message>
    <message>
        <source>%1: message %2 of %3: sent %4, received %5</source>
        <translation>%1: メッセージ %2/%3: 送信 %4、受信 %5</translation>
    </message>
    <message>
        <source>%1: status 101, %2 messages echoed unchanged</source>
        <translation>%1: ステータス 101、%2 件のメッセージがそのまま返されました</translation>
    </message>
    <message>
        <source>%1: status %2</source>
        <translation>%1: ステータス %2</translation>
    </message>
</context>
<context>
    <name>FieldSchema</name>
    <message>
        <source>Name must be unique within a namespace.</source>
        <translation>名前は名前空間の中で一意でなければなりません。</translation>
    </message>
    <message>
        <source>Namespace defines the space within which each name must be unique.</source>
        <translation>名前空間は、各名前が一意でなければならない範囲を定めます。</translation>
    </message>
    <message>
        <source>Map of string keys and values that can be used to organize and categorize (scope and select) objects.</source>
        <translation>オブジェクトを整理・分類（範囲の指定と選択）するために使える、文字列のキーと値のマップです。</translation>
    </message>
    <message>
        <source>Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.</source>
        <translation>アノテーションは、リソースとともに保存される構造を持たないキーと値のマップで、外部ツールが任意のメタデータを保存・取得するために設定できます。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>The object is no longer in its file (it was edited meanwhile).</source>
        <translation>オブジェクトはもうファイルにありません（その間に編集されました）。</translation>
    </message>
    <message>
        <source>The object has no position in its file.</source>
        <translation>オブジェクトのファイル内の位置がありません。</translation>
    </message>
    <message>
        <source>The edit could not be written as YAML that reads back the same.</source>
        <translation>編集を、読み戻して同じになる YAML として書けませんでした。</translation>
    </message>
    <message>
        <source>Gateway (HTTP on port 80)</source>
        <translation>Gateway（ポート 80 の HTTP）</translation>
    </message>
    <message>
        <source>A Gateway of the class example-gateway-class with one HTTP listener accepting routes from every namespace.</source>
        <translation>クラス example-gateway-class の Gateway。すべての名前空間からルートを受け付ける HTTP リスナーを 1 つ持ちます。</translation>
    </message>
    <message>
        <source>HTTPRoute: basic</source>
        <translation>HTTPRoute: 基本</translation>
    </message>
    <message>
        <source>Sends every request for a hostname to one Service.</source>
        <translation>あるホスト名へのすべてのリクエストを 1 つの Service に送ります。</translation>
    </message>
    <message>
        <source>HTTPRoute: canary (weighted split)</source>
        <translation>HTTPRoute: カナリア（重み付き分割）</translation>
    </message>
    <message>
        <source>Sends 90 % of the requests to the stable Service and 10 % to the canary.</source>
        <translation>リクエストの 90 % を安定版の Service に、10 % をカナリアに送ります。</translation>
    </message>
    <message>
        <source>HTTPRoute: A/B test by header</source>
        <translation>HTTPRoute: ヘッダーによる A/B テスト</translation>
    </message>
    <message>
        <source>Requests with the header env: canary go to version 2, the others to version 1.</source>
        <translation>ヘッダー env: canary を持つリクエストはバージョン 2 に、それ以外はバージョン 1 に送ります。</translation>
    </message>
    <message>
        <source>TCPRoute</source>
        <translation>TCPRoute</translation>
    </message>
    <message>
        <source>Forwards a TCP listener's connections to one Service.</source>
        <translation>TCP リスナーの接続を 1 つの Service に転送します。</translation>
    </message>
    <message>
        <source>UDPRoute</source>
        <translation>UDPRoute</translation>
    </message>
    <message>
        <source>Forwards a UDP listener's datagrams to one Service.</source>
        <translation>UDP リスナーのデータグラムを 1 つの Service に転送します。</translation>
    </message>
    <message>
        <source>TLSRoute: passthrough</source>
        <translation>TLSRoute: パススルー</translation>
    </message>
    <message>
        <source>Forwards TLS connections for a server name, still encrypted, to one Service (the listener's TLS mode is Passthrough).</source>
        <translation>あるサーバー名の TLS 接続を、暗号化されたまま 1 つの Service に転送します（リスナーの TLS モードは Passthrough）。</translation>
    </message>
    <message>
        <source>ReferenceGrant</source>
        <translation>ReferenceGrant</translation>
    </message>
    <message>
        <source>Lets HTTPRoutes of another namespace send traffic to the Services of this one.</source>
        <translation>別の名前空間の HTTPRoute がこの名前空間の Service にトラフィックを送れるようにします。</translation>
    </message>
</context>
<context>
    <name>LessonCatalog</name>
    <message>
        <source>Whether the Gateway API CRDs are installed in the cluster.</source>
        <translation>クラスターに Gateway API の CRD がインストールされているか。</translation>
    </message>
    <message>
        <source>Torii carries the Gateway API v1.6.1 schemas and CEL rules itself: toriictl validate checks objects against them.</source>
        <translation>Torii は Gateway API v1.6.1 のスキーマと CEL ルールを内蔵しています。toriictl validate でオブジェクトを検証できます。</translation>
    </message>
    <message>
        <source>Whether the Gateway controller's pods are running.</source>
        <translation>Gateway コントローラーの Pod が動いているか。</translation>
    </message>
    <message>
        <source>Torii's controller runs inside the studio and toriictl: there is no pod to check.</source>
        <translation>Torii のコントローラーはスタジオと toriictl の中で動くため、確認すべき Pod はありません。</translation>
    </message>
    <message>
        <source>The AWS Gateway controller's log: what it did with the Gateways and routes.</source>
        <translation>AWS Gateway コントローラーのログ：Gateway とルートに対して何をしたか。</translation>
    </message>
    <message>
        <source>No AWS controller runs locally; toriictl status shows the conditions a controller would set, and toriictl convert alb reads existing ALB rules.</source>
        <translation>ローカルでは AWS コントローラーは動きません。コントローラーが設定するはずの条件は toriictl status で、既存の ALB ルールは toriictl convert alb で確認できます。</translation>
    </message>
    <message>
        <source>The controller's log: why it refused or changed an object.</source>
        <translation>コントローラーのログ：オブジェクトを拒否・変更した理由。</translation>
    </message>
    <message>
        <source>toriictl serve prints what it serves and every reload; the studio's Problems panel lists the controller's warnings.</source>
        <translation>toriictl serve は公開中の内容と再読み込みを表示します。コントローラーの警告はスタジオの問題パネルに一覧されます。</translation>
    </message>
    <message>
        <source>Whether the GatewayClass is accepted by its controller.</source>
        <translation>GatewayClass がコントローラーに受け入れられているか。</translation>
    </message>
    <message>
        <source>toriictl status FILES, or the status icons in the studio's explorer.</source>
        <translation>toriictl status FILES、またはスタジオのエクスプローラーのステータスアイコン。</translation>
    </message>
    <message>
        <source>The GatewayClass's conditions with their reasons and messages.</source>
        <translation>GatewayClass の条件とその reason・メッセージ。</translation>
    </message>
    <message>
        <source>toriictl status FILES, or the studio's details of the object.</source>
        <translation>toriictl status FILES、またはスタジオのオブジェクト詳細。</translation>
    </message>
    <message>
        <source>Which HTTPRoutes exist and their parents.</source>
        <translation>どの HTTPRoute が存在し、親はどれか。</translation>
    </message>
    <message>
        <source>toriictl routes FILES prints the compiled route table; the studio's explorer lists the routes.</source>
        <translation>toriictl routes FILES はコンパイル済みのルートテーブルを表示します。スタジオのエクスプローラーにもルートが一覧されます。</translation>
    </message>
    <message>
        <source>The route's conditions per parent: Accepted and ResolvedRefs with reasons.</source>
        <translation>親ごとのルートの条件：Accepted と ResolvedRefs とその reason。</translation>
    </message>
    <message>
        <source>toriictl status FILES, or the findings of a lesson: the same conditions, computed locally.</source>
        <translation>toriictl status FILES、またはレッスンの検出結果：同じ条件をローカルで計算したものです。</translation>
    </message>
    <message>
        <source>The Gateway's and each listener's conditions, and its addresses.</source>
        <translation>Gateway と各リスナーの条件、およびアドレス。</translation>
    </message>
    <message>
        <source>toriictl status FILES; toriictl serve shows the local address of every listener.</source>
        <translation>toriictl status FILES。toriictl serve は各リスナーのローカルアドレスを表示します。</translation>
    </message>
    <message>
        <source>Whether the Services the routes name exist.</source>
        <translation>ルートが参照する Service が存在するか。</translation>
    </message>
    <message>
        <source>A missing Service is ResolvedRefs=False (BackendNotFound) in toriictl status; the live gateway stands in a mock Service for it.</source>
        <translation>存在しない Service は toriictl status で ResolvedRefs=False (BackendNotFound) になります。ライブゲートウェイはその代わりにモック Service を立てます。</translation>
    </message>
    <message>
        <source>Whether the Services have ready endpoints (pods) behind them.</source>
        <translation>Service の背後に準備完了のエンドポイント（Pod）があるか。</translation>
    </message>
    <message>
        <source>The live gateway's mock Services have one endpoint per replica; toriictl load shows the requests each one answered.</source>
        <translation>ライブゲートウェイのモック Service はレプリカごとに 1 つのエンドポイントを持ちます。各エンドポイントが応答したリクエスト数は toriictl load で確認できます。</translation>
    </message>
    <message>
        <source>Which cross-namespace references are allowed.</source>
        <translation>どの名前空間をまたぐ参照が許可されているか。</translation>
    </message>
    <message>
        <source>A reference no ReferenceGrant allows is RefNotPermitted in toriictl status, and a warning of toriictl validate.</source>
        <translation>ReferenceGrant で許可されていない参照は、toriictl status で RefNotPermitted、toriictl validate で警告になります。</translation>
    </message>
    <message>
        <source>Whether the TLS Secrets the listeners name exist.</source>
        <translation>リスナーが参照する TLS Secret が存在するか。</translation>
    </message>
    <message>
        <source>A missing or broken certificate is InvalidCertificateRef in toriictl status; toriictl serve --dev-ca serves such listeners with a development certificate.</source>
        <translation>存在しない・壊れた証明書は toriictl status で InvalidCertificateRef になります。toriictl serve --dev-ca はそのようなリスナーを開発用証明書で公開します。</translation>
    </message>
    <message>
        <source>The Secret's type and keys (tls.crt, tls.key).</source>
        <translation>Secret の type とキー（tls.crt、tls.key）。</translation>
    </message>
    <message>
        <source>Torii's controller parses the certificate and key and checks that they belong together.</source>
        <translation>Torii のコントローラーは証明書と鍵を解析し、対になっているかを確認します。</translation>
    </message>
    <message>
        <source>cert-manager's pending certificate requests.</source>
        <translation>cert-manager の保留中の証明書リクエスト。</translation>
    </message>
    <message>
        <source>No cert-manager runs locally: the development CA (toriictl serve --dev-ca) makes certificates for HTTPS listeners.</source>
        <translation>ローカルでは cert-manager は動きません。HTTPS リスナーの証明書は開発用 CA（toriictl serve --dev-ca）が作ります。</translation>
    </message>
    <message>
        <source>Whether cert-manager issued the certificates.</source>
        <translation>cert-manager が証明書を発行したか。</translation>
    </message>
    <message>
        <source>Why cert-manager did or did not issue a certificate.</source>
        <translation>cert-manager が証明書を発行した、またはしなかった理由。</translation>
    </message>
    <message>
        <source>The load balancers the AWS controller created.</source>
        <translation>AWS コントローラーが作成したロードバランサー。</translation>
    </message>
    <message>
        <source>Locally a Gateway is served on 127.0.0.1: toriictl serve lists the addresses.</source>
        <translation>ローカルでは Gateway は 127.0.0.1 で公開されます。アドレスは toriictl serve が一覧します。</translation>
    </message>
    <message>
        <source>The target groups behind the load balancer's rules.</source>
        <translation>ロードバランサーのルールの背後にあるターゲットグループ。</translation>
    </message>
    <message>
        <source>toriictl convert alb reads describe-rules output into HTTPRoutes and checks the rules' priority against the routes' precedence.</source>
        <translation>toriictl convert alb は describe-rules の出力を HTTPRoute に変換し、ルールの優先度とルートの優先順位を照合します。</translation>
    </message>
    <message>
        <source>The resource hierarchy</source>
        <translation>リソース階層</translation>
    </message>
    <message>
        <source>The guide draws the hierarchy GatewayClass → Gateway → routes as a code block. It is a diagram, not YAML: the finding below is what kubectl apply would say about it. The infrastructure provider owns the GatewayClass, the cluster operator the Gateway, application developers the routes; the Hierarchy view draws these lanes from real objects.</source>
        <translation>ガイドは GatewayClass → Gateway → ルートという階層をコードブロックとして描いています。これは図であって YAML ではありません。下の検出結果は kubectl apply がこのブロックについて返す内容です。GatewayClass はインフラ管理者、Gateway はクラスター運用者、ルートはアプリケーション開発者が管理します。階層ビューは実際のオブジェクトからこのレーンを描きます。</translation>
    </message>
    <message>
        <source>Mapping an Ingress to Gateway API</source>
        <translation>Ingress から Gateway API への対応付け</translation>
    </message>
    <message>
        <source>Block 02 is an Ingress, block 03 the Gateway and HTTPRoute the guide maps it to by hand. Torii converts the Ingress itself (toriictl convert ingress): compare its objects with the guide's, then look at the status of the guide's objects.</source>
        <translation>ブロック 02 は Ingress、ブロック 03 はガイドが手作業で対応付けた Gateway と HTTPRoute です。Torii は Ingress を自ら変換します（toriictl convert ingress）。変換結果をガイドのオブジェクトと比べてから、ガイドのオブジェクトのステータスを確認してください。</translation>
    </message>
    <message>
        <source>From an ECS task definition to a Deployment</source>
        <translation>ECS タスク定義から Deployment へ</translation>
    </message>
    <message>
        <source>Block 04 is an ECS task definition (JSON), block 05 the Deployment, Service, Gateway and HTTPRoute the guide writes for it. Torii's ECS converter reads the task definition: its objects and notes are shown below, so you can see what the guide's hand conversion leaves out.</source>
        <translation>ブロック 04 は ECS タスク定義（JSON）、ブロック 05 はガイドがそれに対して書いた Deployment、Service、Gateway、HTTPRoute です。Torii の ECS コンバーターがタスク定義を読み込み、生成したオブジェクトと注記を下に表示するので、ガイドの手作業の変換で抜けているものが分かります。</translation>
    </message>
    <message>
        <source>GatewayClass: the infrastructure</source>
        <translation>GatewayClass：インフラストラクチャ</translation>
    </message>
    <message>
        <source>A GatewayClass names the controller that implements it. The guide's class belongs to NGINX (controllerName k8s.nginx.org/…) and points at an NginxGateway parameters object, a custom resource of that product. Lessons accept every class so that the guide's objects get a status: look at what is said about the parametersRef.</source>
        <translation>GatewayClass は、それを実装するコントローラーを指定します。ガイドのクラスは NGINX のもので（controllerName k8s.nginx.org/…）、その製品のカスタムリソースである NginxGateway パラメーターオブジェクトを参照しています。ガイドのオブジェクトにステータスが付くよう、レッスンではすべてのクラスを受け入れます。parametersRef について何と言われているかを確認してください。</translation>
    </message>
    <message>
        <source>Gateway: the network entry point</source>
        <translation>Gateway：ネットワークの入り口</translation>
    </message>
    <message>
        <source>The Gateway's listeners: HTTP on port 80, HTTPS on 443 for *.example.com and on 8443 for api.example.com. The findings are what a cluster would report: certificates the guide never defines, a certificate in another namespace without a ReferenceGrant, and a fixed address.</source>
        <translation>Gateway のリスナー：ポート 80 の HTTP、*.example.com 向けの 443 の HTTPS、api.example.com 向けの 8443 の HTTPS。検出結果はクラスターが報告する内容です：ガイドで定義されていない証明書、ReferenceGrant のない別の名前空間の証明書、そして固定アドレス。</translation>
    </message>
    <message>
        <source>A basic HTTPRoute</source>
        <translation>基本的な HTTPRoute</translation>
    </message>
    <message>
        <source>One hostname, three rules: HTML requests to the frontend, /api/v1 split 90/10 between a stable and a canary Service, and /api with the header x-api-version: v2. The route attaches only to the https listener (sectionName), and none of its Services is defined in the guide: "Complete the example" adds them.</source>
        <translation>1 つのホスト名に 3 つのルール：HTML のリクエストはフロントエンドへ、/api/v1 は安定版とカナリアの Service に 90/10 で分割、ヘッダー x-api-version: v2 付きの /api。このルートは https リスナーにだけ接続し（sectionName）、Service はどれもガイドで定義されていません。「例を補完」で追加されます。</translation>
    </message>
    <message>
        <source>Advanced HTTPRoute routing</source>
        <translation>高度な HTTPRoute ルーティング</translation>
    </message>
    <message>
        <source>Matches on query parameters, methods and headers, and filters that rewrite the request. Look at which rule a request lands on: the most specific match wins, whatever the order the rules are written in. Run traffic to see one request per rule match.</source>
        <translation>クエリパラメーター、メソッド、ヘッダーによるマッチと、リクエストを書き換えるフィルター。リクエストがどのルールに当たるかに注目してください。ルールの記述順に関係なく、最も具体的なマッチが優先されます。トラフィックを実行すると、ルールのマッチごとに 1 つずつリクエストを送ります。</translation>
    </message>
    <message>
        <source>A/B testing and canary releases</source>
        <translation>A/B テストとカナリアリリース</translation>
    </message>
    <message>
        <source>Three rules on the same path: the header x-canary: "true" goes to the canary, a cookie ab_test=variant_b to variant B, everything else is split 95/5 between stable and canary. The A/B rule matches the whole Cookie header with a regular expression, an extended feature. Run traffic: 2,000 requests with and without the header and cookie, and the observed split against the weights.</source>
        <translation>同じパスに 3 つのルール：ヘッダー x-canary: "true" はカナリアへ、Cookie ab_test=variant_b はバリアント B へ、それ以外は安定版とカナリアに 95/5 で分割されます。A/B のルールは Cookie ヘッダー全体を正規表現でマッチさせており、これは拡張機能です。トラフィックを実行すると、ヘッダーや Cookie の有無を混ぜた 2,000 件のリクエストを送り、観測された分割を重みと比べます。</translation>
    </message>
    <message>
        <source>A basic TCPRoute</source>
        <translation>基本的な TCPRoute</translation>
    </message>
    <message>
        <source>A TCP listener for PostgreSQL and a TCPRoute to its Service. The guide writes TCPRoute as v1alpha2, which the v1.6.1 standard CRDs no longer serve: look at the version finding.</source>
        <translation>PostgreSQL 用の TCP リスナーと、その Service への TCPRoute。ガイドは TCPRoute を v1alpha2 で書いていますが、v1.6.1 の標準 CRD ではもう提供されていません。バージョンに関する検出結果を確認してください。</translation>
    </message>
    <message>
        <source>Highly available TCP routing</source>
        <translation>高可用性 TCP ルーティング</translation>
    </message>
    <message>
        <source>Weighted TCP backends for PostgreSQL and a Redis cluster: each connection goes to one backend, so the weights split connections, not bytes. The routes attach to the listeners of the Gateway of the previous section by sectionName.</source>
        <translation>PostgreSQL と Redis クラスター向けの重み付き TCP バックエンド。接続ごとに 1 つのバックエンドが選ばれるため、重みが分けるのはバイト数ではなく接続数です。ルートは sectionName で前のセクションの Gateway のリスナーに接続します。</translation>
    </message>
    <message>
        <source>A basic UDPRoute</source>
        <translation>基本的な UDPRoute</translation>
    </message>
    <message>
        <source>A UDP listener for DNS and a UDPRoute to the DNS Service. UDP has no connection: the gateway keeps a session per client address.</source>
        <translation>DNS 用の UDP リスナーと DNS Service への UDPRoute。UDP には接続がないため、ゲートウェイはクライアントアドレスごとにセッションを保持します。</translation>
    </message>
    <message>
        <source>A high-load UDP service</source>
        <translation>高負荷 UDP サービス</translation>
    </message>
    <message>
        <source>Routes for a game server and syslog on the Gateway of the previous section. That Gateway has no listener named game-udp: the findings show what happens to a route whose sectionName matches no listener.</source>
        <translation>前のセクションの Gateway 上の、ゲームサーバーと syslog 向けのルート。その Gateway には game-udp という名前のリスナーがありません。検出結果は、sectionName がどのリスナーにも一致しないルートがどうなるかを示します。</translation>
    </message>
    <message>
        <source>A basic TLSRoute</source>
        <translation>基本的な TLSRoute</translation>
    </message>
    <message>
        <source>A TLS listener in Passthrough mode: the gateway reads only the SNI of the ClientHello and forwards the encrypted bytes to the backend, which holds the certificate.</source>
        <translation>Passthrough モードの TLS リスナー：ゲートウェイは ClientHello の SNI だけを読み、暗号化されたままのバイト列を証明書を持つバックエンドに転送します。</translation>
    </message>
    <message>
        <source>SNI-based routing</source>
        <translation>SNI ベースのルーティング</translation>
    </message>
    <message>
        <source>Two TLSRoutes on the TLS Gateway of the previous section, chosen by the server name the client sends, and a second Gateway that terminates TLS per tenant with certificates the guide never defines.</source>
        <translation>前のセクションの TLS Gateway 上の 2 つの TLSRoute（クライアントが送るサーバー名で選ばれます）と、ガイドで定義されていない証明書でテナントごとに TLS を終端する 2 つ目の Gateway。</translation>
    </message>
    <message>
        <source>Gateway API on AWS</source>
        <translation>AWS での Gateway API</translation>
    </message>
    <message>
        <source>A GatewayClass of the AWS Load Balancer Controller, a Gateway with AWS annotations and an HTTPRoute. The AWS-specific objects (ApplicationLoadBalancer, AWSCertificate) are custom resources no Gateway API controller reads, and annotations do nothing in another implementation.</source>
        <translation>AWS Load Balancer Controller の GatewayClass、AWS のアノテーション付き Gateway、そして HTTPRoute。AWS 固有のオブジェクト（ApplicationLoadBalancer、AWSCertificate）はどの Gateway API コントローラーも読まないカスタムリソースで、アノテーションは他の実装では何の効果もありません。</translation>
    </message>
    <message>
        <source>Migrating from Ingress step by step</source>
        <translation>Ingress からの段階的移行</translation>
    </message>
    <message>
        <source>An Ingress and its Gateway API twin running side by side, then the routes that replace it. Torii converts the Ingress (toriictl convert ingress) for comparison; the routes name a Gateway in their own namespace, which is not where the guide's Gateway lives.</source>
        <translation>Ingress とそれに対応する Gateway API の構成を並行運用し、その後 Ingress を置き換えるルート。比較のため Torii が Ingress を変換します（toriictl convert ingress）。ルートは自分の名前空間の Gateway を参照していますが、ガイドの Gateway はそこにはありません。</translation>
    </message>
    <message>
        <source>Best practices</source>
        <translation>ベストプラクティス</translation>
    </message>
    <message>
        <source>A shared Gateway that admits routes from every namespace, ReferenceGrants for references across namespaces, and monitoring objects. Look at the route's parentRef: without a namespace it names a Gateway in the route's own namespace. Check that every ReferenceGrant allows what the routes actually reference.</source>
        <translation>すべての名前空間からのルートを受け入れる共有 Gateway、名前空間をまたぐ参照のための ReferenceGrant、監視用オブジェクト。ルートの parentRef に注目してください。namespace がないと、ルート自身の名前空間の Gateway を指します。各 ReferenceGrant がルートの実際の参照を許可しているかも確認してください。</translation>
    </message>
    <message>
        <source>Metrics and tracing</source>
        <translation>メトリクスとトレーシング</translation>
    </message>
    <message>
        <source>Configuration for metrics and tracing, kept in ConfigMaps the gateway implementation reads, and a route that adds tracing headers. Gateway API itself has no field for either: look at what is standard and what is the implementation's.</source>
        <translation>ゲートウェイ実装が読む ConfigMap に置かれたメトリクスとトレーシングの設定と、トレーシング用ヘッダーを追加するルート。Gateway API 自体にはどちらのフィールドもありません。何が標準で何が実装固有かを確認してください。</translation>
    </message>
    <message>
        <source>Common problems and their causes</source>
        <translation>よくある問題とその原因</translation>
    </message>
    <message>
        <source>The guide's kubectl and aws commands for finding what went wrong in a cluster. Each command is listed with what it checks and how Torii answers the same question without a cluster.</source>
        <translation>クラスターで何が問題かを調べるためのガイドの kubectl・aws コマンド。各コマンドについて、何を確認するものか、そして Torii がクラスターなしで同じ問いにどう答えるかを示します。</translation>
    </message>
    <message>
        <source>Settings for debugging</source>
        <translation>デバッグ用設定</translation>
    </message>
    <message>
        <source>A debug configuration and a route for a test Gateway. The route's parent is the test Gateway of the Ingress migration section.</source>
        <translation>デバッグ用の設定とテスト用 Gateway へのルート。ルートの親は Ingress 移行セクションのテスト用 Gateway です。</translation>
    </message>
    <message>
        <source>Performance tuning</source>
        <translation>パフォーマンス最適化</translation>
    </message>
    <message>
        <source>A Gateway and a route tuned for load with annotations. Look at which annotations any implementation reads: Gateway API's own timeouts are fields of the route's rules (timeouts.request), not annotations.</source>
        <translation>アノテーションで負荷向けに調整した Gateway とルート。どのアノテーションを実際に読む実装があるかに注目してください。Gateway API 自身のタイムアウトはアノテーションではなく、ルートのルールのフィールド（timeouts.request）です。</translation>
    </message>
    <message>
        <source>the folder chosen in the settings</source>
        <translation>設定で選んだフォルダー</translation>
    </message>
    <message>
        <source>$TORII_GUIDE_DIR</source>
        <translation>$TORII_GUIDE_DIR</translation>
    </message>
    <message>
        <source>the shared folder beside the source tree</source>
        <translation>ソースツリー横の shared フォルダー</translation>
    </message>
    <message>
        <source>the shared folder above the program</source>
        <translation>プログラムの上位にある shared フォルダー</translation>
    </message>
    <message>
        <source>No folder given.</source>
        <translation>フォルダーが指定されていません。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 は存在しません。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 はフォルダーではなくファイルです。</translation>
    </message>
    <message>
        <source>%1 holds none of the guide's code blocks (01.yaml … 33.yaml): choose the folder the guide's blocks were extracted to (../shared/fixtures/seed beside the Torii sources).</source>
        <translation>%1 にはガイドのコードブロック（01.yaml … 33.yaml）が一つもありません。ガイドのブロックを取り出したフォルダー（Torii のソースの隣の ../shared/fixtures/seed）を選んでください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 lacks %n of the guide's code blocks: %2.</source>
        <translation>
            <numerusform>%1 にはガイドのコードブロックが %n 個足りません: %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteExplanation</name>
    <message>
        <source>rule %1</source>
        <translation>ルール %1</translation>
    </message>
    <message>
        <source>match %1</source>
        <translation>マッチ %1</translation>
    </message>
    <message>
        <source>no backend</source>
        <translation>バックエンドなし</translation>
    </message>
    <message>
        <source>lands on %1 (host %2) → %3</source>
        <translation>%1 に到達（ホスト %2）→ %3</translation>
    </message>
    <message>
        <source>no route matches: the gateway answers 404</source>
        <translation>一致するルートがありません: ゲートウェイが 404 を返します</translation>
    </message>
</context>
<context>
    <name>ScenarioPlayer</name>
    <message>
        <source>The rollback rule names %1, which is not in the design: it is not watched.</source>
        <translation>ロールバック規則が指定する %1 は設計にないため、監視されません。</translation>
    </message>
    <message>
        <source>Rollback: weight of %1 in %2 set to 0 (%3)</source>
        <translation>ロールバック: %2 の %1 の重みを 0 にしました（%3）</translation>
    </message>
    <message>
        <source>not applied: %1</source>
        <translation>適用されませんでした: %1</translation>
    </message>
    <message>
        <source>no mock backend runs for %1</source>
        <translation>%1 のモックバックエンドは動いていません</translation>
    </message>
</context>
<context>
    <name>Torii::Backends::BackendBehaviour</name>
    <message>
        <source>an error rate is a number from 0 to 1</source>
        <translation>エラー率は 0 から 1 の数です</translation>
    </message>
    <message>
        <source>an error status is a number from 100 to 599</source>
        <translation>エラーステータスは 100 から 599 の数です</translation>
    </message>
    <message>
        <source>a slow start needs a duration and a latency of 0 or more</source>
        <translation>スロースタートには 0 以上の時間とレイテンシーが必要です</translation>
    </message>
</context>
<context>
    <name>Torii::Backends::LatencyDistribution</name>
    <message>
        <source>latency parameters must be finite and 0 or more</source>
        <translation>レイテンシーのパラメーターは 0 以上の有限の値である必要があります</translation>
    </message>
    <message>
        <source>a uniform latency needs min &lt;= max</source>
        <translation>一様分布のレイテンシーには min &lt;= max が必要です</translation>
    </message>
    <message>
        <source>a log-normal latency needs a median above 0</source>
        <translation>対数正規分布のレイテンシーには 0 より大きい中央値が必要です</translation>
    </message>
    <message>
        <source>a Pareto latency needs a scale and a shape above 0</source>
        <translation>パレート分布のレイテンシーには 0 より大きいスケールと形状が必要です</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ExplorerModel</name>
    <message>
        <source>rule %1</source>
        <translation>ルール %1</translation>
    </message>
    <message>
        <source> (weight %1)</source>
        <translation>（重み %1）</translation>
    </message>
    <message>
        <source>Gateways whose GatewayClass is not in the workspace</source>
        <translation>GatewayClass がワークスペースにない Gateway</translation>
    </message>
    <message>
        <source>Listener %1 — %2 %3</source>
        <translation>リスナー %1 — %2 %3</translation>
    </message>
    <message>
        <source>Routes attached to no listener</source>
        <translation>どのリスナーにも接続されていないルート</translation>
    </message>
    <message>
        <source>Other objects</source>
        <translation>その他のオブジェクト</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ExplorerPanel</name>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>フィルター (Ctrl+F)</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>階層</translation>
    </message>
    <message>
        <source>By kind and namespace</source>
        <translation>種類と名前空間別</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ExportDialog</name>
    <message>
        <source>Include Secrets with private keys</source>
        <translation>秘密鍵を含む Secret も含める</translation>
    </message>
    <message>
        <source>Export for kubectl</source>
        <translation>kubectl 用に書き出し</translation>
    </message>
    <message>
        <source>One file</source>
        <translation>1 ファイル</translation>
    </message>
    <message>
        <source>One file per role</source>
        <translation>ロールごとに 1 ファイル</translation>
    </message>
    <message>
        <source>One file per kind</source>
        <translation>種類ごとに 1 ファイル</translation>
    </message>
    <message>
        <source>⚠ Private keys will be written in clear text into the exported files. Anyone who can read them, or the repository they are committed to, can impersonate these hosts.</source>
        <translation>⚠ 秘密鍵が平文のまま書き出されます。ファイルやそれをコミットしたリポジトリを読める人は誰でも、これらのホストになりすませます。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Changes on disk</source>
        <translation>ディスク上の変更</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Into folder:</source>
        <translation>フォルダー:</translation>
    </message>
    <message>
        <source>Files to write:</source>
        <translation>書き出すファイル:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n 個のオブジェクト</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings: the cluster should accept every object as written.</source>
        <translation>警告なし: クラスターは書かれたとおりにすべてのオブジェクトを受け付けるはずです。</translation>
    </message>
    <message>
        <source>%1 object(s) in %2 file(s); %3 left out.</source>
        <translation>%2 ファイルに %1 個のオブジェクト。除外 %3 個。</translation>
    </message>
    <message>
        <source>%1 does not exist yet: the whole file is new.</source>
        <translation>%1 はまだありません: ファイル全体が新規です。</translation>
    </message>
    <message>
        <source>The files are too large to compare here (more than %1 lines).</source>
        <translation>ファイルが大きすぎてここでは比較できません（%1 行超）。</translation>
    </message>
    <message>
        <source>%1 already holds exactly this text: writing it changes nothing.</source>
        <translation>%1 はすでにこの内容です: 書き出しても何も変わりません。</translation>
    </message>
    <message>
        <source>%1: %2 line(s) added, %3 removed</source>
        <translation>%1: %2 行追加、%3 行削除</translation>
    </message>
    <message>
        <source>Choose a folder to export into.</source>
        <translation>書き出し先のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>%1 に %n ファイルを書き出しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Torii::Gui::FormModel</name>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n キー</numerusform>
        </translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>%1 から %2 まで</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s)</source>
        <translation>
            <numerusform>最大 %n 文字</numerusform>
        </translation>
    </message>
    <message>
        <source>Pattern: %1</source>
        <translation>パターン: %1</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::HierarchyView</name>
    <message>
        <source>(missing)</source>
        <translation>（見つかりません）</translation>
    </message>
    <message>
        <source>(made up by the studio)</source>
        <translation>（スタジオが補ったもの）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大 (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小 (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the graph in the view (Ctrl+0)</source>
        <translation>グラフ全体をビューに合わせます (Ctrl+0)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>書き出し…</translation>
    </message>
    <message>
        <source>Save the graph as SVG, PNG or DOT</source>
        <translation>グラフを SVG、PNG、DOT で保存します</translation>
    </message>
    <message>
        <source>Infrastructure provider</source>
        <translation>インフラストラクチャプロバイダー</translation>
    </message>
    <message>
        <source>Cluster operator</source>
        <translation>クラスターオペレーター</translation>
    </message>
    <message>
        <source>Application developer</source>
        <translation>アプリケーション開発者</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>担当: %1</translation>
    </message>
    <message>
        <source>Referenced, but not in the workspace.</source>
        <translation>参照されていますが、ワークスペースにありません。</translation>
    </message>
    <message>
        <source>Made up by the studio; never exported.</source>
        <translation>スタジオが補ったもので、書き出されることはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n 個のオブジェクト</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused reference(s)</source>
        <translation>
            <numerusform>拒否された参照 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Resource hierarchy</source>
        <translation>リソース階層</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>unknown format "%1": use .svg, .png or .dot</source>
        <translation>不明な形式 "%1" です: .svg、.png、.dot を使ってください</translation>
    </message>
    <message>
        <source>Export the hierarchy</source>
        <translation>階層の書き出し</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG 画像 (*.svg);;PNG 画像 (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <source>The graph could not be saved: %1</source>
        <translation>グラフを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Laying out the graph…</source>
        <translation>グラフをレイアウトしています…</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::LessonFindingsModel</name>
    <message>
        <source>A backendRef names a Service the guide never defines: in a cluster the requests for it would get 500. "Complete the example" adds a mock Service.</source>
        <translation>backendRef がガイドで定義されていない Service を参照しています。クラスターではそのリクエストは 500 になります。「例を補完」でモック Service が追加されます。</translation>
    </message>
    <message>
        <source>The reference crosses namespaces and no ReferenceGrant in the target namespace allows it: add one there, or move the object.</source>
        <translation>参照が名前空間をまたいでおり、参照先の名前空間にそれを許可する ReferenceGrant がありません。そこに追加するか、オブジェクトを移動してください。</translation>
    </message>
    <message>
        <source>The listener's certificate Secret is not defined in the guide, or holds no valid certificate and key: HTTPS on this listener cannot work until it exists.</source>
        <translation>リスナーの証明書 Secret がガイドで定義されていないか、有効な証明書と鍵を含んでいません。それが用意されるまで、このリスナーの HTTPS は機能しません。</translation>
    </message>
    <message>
        <source>The Gateway asks for a fixed address. A cluster assigns it only when its load balancer owns that address; Torii serves every Gateway on 127.0.0.1.</source>
        <translation>Gateway が固定アドレスを要求しています。クラスターはロードバランサーがそのアドレスを持つ場合にだけ割り当てます。Torii はすべての Gateway を 127.0.0.1 で公開します。</translation>
    </message>
    <message>
        <source>The Gateway asks for an address of a type this implementation does not support.</source>
        <translation>Gateway が、この実装のサポートしない種類のアドレスを要求しています。</translation>
    </message>
    <message>
        <source>Some listeners have problems of their own: see the findings of each listener.</source>
        <translation>一部のリスナーに固有の問題があります。各リスナーの検出結果を見てください。</translation>
    </message>
    <message>
        <source>The object cannot be programmed as written; its other conditions say why.</source>
        <translation>記述のままではオブジェクトをプログラムできません。理由は他の条件に示されています。</translation>
    </message>
    <message>
        <source>The parentRef's sectionName or port matches no listener of that Gateway: the route is attached nowhere.</source>
        <translation>parentRef の sectionName または port が、その Gateway のどのリスナーにも一致しません。ルートはどこにも接続されていません。</translation>
    </message>
    <message>
        <source>The listener's allowedRoutes does not admit routes of this kind or from this namespace: widen allowedRoutes, or move the route.</source>
        <translation>リスナーの allowedRoutes が、この種類またはこの名前空間のルートを許可していません。allowedRoutes を広げるか、ルートを移動してください。</translation>
    </message>
    <message>
        <source>None of the route's hostnames falls under the listener's hostname, so no request can reach it through that listener.</source>
        <translation>ルートのホスト名がどれもリスナーのホスト名に含まれないため、そのリスナー経由ではどのリクエストも届きません。</translation>
    </message>
    <message>
        <source>A reference or allowedRoutes.kinds names a kind this listener or implementation cannot use.</source>
        <translation>参照または allowedRoutes.kinds が、このリスナーまたは実装で使えない種類を指定しています。</translation>
    </message>
    <message>
        <source>The listener's protocol is not one this implementation supports.</source>
        <translation>リスナーのプロトコルはこの実装ではサポートされていません。</translation>
    </message>
    <message>
        <source>The GatewayClass's parametersRef names an object that is missing or invalid.</source>
        <translation>GatewayClass の parametersRef が、存在しないか無効なオブジェクトを参照しています。</translation>
    </message>
    <message>
        <source>Two listeners share a port with conflicting hostnames or protocols: one of them is not served.</source>
        <translation>2 つのリスナーが同じポートで、ホスト名またはプロトコルが衝突しています。どちらかは公開されません。</translation>
    </message>
    <message>
        <source>A field has a value this implementation does not support.</source>
        <translation>フィールドに、この実装がサポートしない値があります。</translation>
    </message>
    <message>
        <source>The controller has not finished with this object.</source>
        <translation>コントローラーはこのオブジェクトの処理を終えていません。</translation>
    </message>
    <message>
        <source>The listener's port cannot be used.</source>
        <translation>リスナーのポートを使用できません。</translation>
    </message>
    <message>
        <source>%1: %2 (%3) — %4</source>
        <extracomment>Lessons: a status condition, "Accepted: False (BackendNotFound) — message".</extracomment>
        <translation>%1: %2 (%3) — %4</translation>
    </message>
    <message>
        <source>Written as %1</source>
        <translation>記述: %1</translation>
    </message>
    <message>
        <source>No Gateway API controller reads %1</source>
        <translation>%1 を読む Gateway API コントローラーはありません</translation>
    </message>
    <message>
        <source>Namespace %1 is used but never created</source>
        <translation>名前空間 %1 は使われていますが、作成されていません</translation>
    </message>
    <message>
        <source>The controller reports %1 as %2 with reason %3.</source>
        <translation>コントローラーは %1 を %2（reason %3）と報告しています。</translation>
    </message>
    <message>
        <source>A note of the converter that read this block.</source>
        <translation>このブロックを読んだコンバーターの注記です。</translation>
    </message>
    <message>
        <source>The block cannot be read as Kubernetes YAML: kubectl apply would refuse the file.</source>
        <translation>このブロックは Kubernetes の YAML として読めません。kubectl apply はこのファイルを拒否します。</translation>
    </message>
    <message>
        <source>The API server would refuse this object (Gateway API v1.6.1 schema or CEL rule).</source>
        <translation>API サーバーはこのオブジェクトを拒否します（Gateway API v1.6.1 のスキーマまたは CEL ルール）。</translation>
    </message>
    <message>
        <source>The object is accepted, but this is probably not what the guide meant.</source>
        <translation>オブジェクトは受け入れられますが、おそらくガイドの意図とは異なります。</translation>
    </message>
    <message>
        <source>The guide writes an older apiVersion. v1.6.1 still serves it, but toriictl upgrade rewrites it to the current version in place.</source>
        <translation>ガイドは古い apiVersion を使っています。v1.6.1 でもまだ提供されていますが、toriictl upgrade でその場で現行バージョンに書き換えられます。</translation>
    </message>
    <message>
        <source>The guide writes an apiVersion the v1.6.1 standard CRDs no longer serve: kubectl apply fails. toriictl upgrade rewrites it to the current version in place.</source>
        <translation>ガイドは v1.6.1 の標準 CRD ではもう提供されていない apiVersion を使っています。kubectl apply は失敗します。toriictl upgrade でその場で現行バージョンに書き換えられます。</translation>
    </message>
    <message>
        <source>A custom resource of another product: a cluster without its CRD refuses it, and no Gateway API implementation reads it.</source>
        <translation>他製品のカスタムリソースです。その CRD のないクラスターは拒否し、どの Gateway API 実装も読みません。</translation>
    </message>
    <message>
        <source>The guide never creates this namespace: kubectl apply fails for the objects in it until it exists. "Complete the example" adds it.</source>
        <translation>ガイドはこの名前空間を作成していません。作成されるまで、その中のオブジェクトの kubectl apply は失敗します。「例を補完」で追加されます。</translation>
    </message>
    <message>
        <source>%1 Torii: %2</source>
        <extracomment>Lessons: what a shell command checks, then how Torii answers the same question.</extracomment>
        <translation>%1 Torii では: %2</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>検出内容</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>%1: %2 (%3) → %4</source>
        <extracomment>Lessons: a route's condition before and after "Complete the example", "Accepted: False (NotAllowedByListeners) → True".</extracomment>
        <translation>%1: %2 (%3) → %4</translation>
    </message>
    <message>
        <source>listener %1</source>
        <extracomment>Lessons: where a condition is, "listener https".</extracomment>
        <translation>リスナー %1</translation>
    </message>
    <message>
        <source>parent %1</source>
        <extracomment>Lessons: where a route's condition is: its parent Gateway (and listener).</extracomment>
        <translation>親 %1</translation>
    </message>
    <message>
        <source>parent %1, listener %2</source>
        <translation>親 %1、リスナー %2</translation>
    </message>
    <message>
        <source>ancestor %1</source>
        <extracomment>Lessons: where a policy's condition is: an ancestor (a Gateway) of its target.</extracomment>
        <translation>祖先 %1</translation>
    </message>
    <message>
        <source>ancestor %1, listener %2</source>
        <translation>祖先 %1、リスナー %2</translation>
    </message>
    <message>
        <source>The listener admits namespaces by label, and the guide never creates namespace %1, so nothing gives it the label: "Complete the example" creates it with the label %2.</source>
        <translation>このリスナーはラベルで名前空間を受け入れますが、ガイドは名前空間 %1 を作成しないため、ラベルを付けるものがありません。「例を補完」はラベル %2 を付けてこの名前空間を作成します。</translation>
    </message>
    <message>
        <source>Listener %2 of Gateway %1 admits routes from its own namespace only (from: Same, the default), and this route lives in another one. "Complete the example" serves a completed copy of the Gateway whose listener admits the namespaces %3 (a selector on kubernetes.io/metadata.name); the guide's file is not changed.</source>
        <translation>Gateway %1 のリスナー %2 は自身の名前空間のルートだけを受け入れます（from: Same、既定値）が、このルートは別の名前空間にあります。「例を補完」は、リスナーが名前空間 %3 を受け入れる（kubernetes.io/metadata.name のセレクター）Gateway の補完コピーを提供します。ガイドのファイルは変更しません。</translation>
    </message>
    <message>
        <source>Gateway %1 has no listener named %2, so the route is attached nowhere. "Complete the example" serves a completed copy of the Gateway with a %3 listener %2 on port %4 that admits namespace %5; the guide's file is not changed.</source>
        <translation>Gateway %1 には %2 という名前のリスナーがないため、このルートはどこにも接続されません。「例を補完」は、ポート %4 で名前空間 %5 を受け入れる %3 リスナー %2 を加えた Gateway の補完コピーを提供します。ガイドのファイルは変更しません。</translation>
    </message>
    <message>
        <source>from %1 (lesson "%2")</source>
        <extracomment>Lessons: a finding of a block another lesson owns, shown where it is borrowed.</extracomment>
        <translation>%1 より（レッスン「%2」）</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 より</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::LessonModel</name>
    <message>
        <source>%1. %2</source>
        <extracomment>Lessons list: the lesson's number and title.</extracomment>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::LessonsView</name>
    <message>
        <source>The gateway did not start: %1</source>
        <translation>ゲートウェイを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>the folder chosen here</source>
        <translation>ここで選んだフォルダー</translation>
    </message>
    <message>
        <source>Choose the folder of the guide's code blocks</source>
        <translation>ガイドのコードブロックのフォルダーを選択</translation>
    </message>
    <message>
        <source>Choose guide folder…</source>
        <translation>ガイドのフォルダーを選択…</translation>
    </message>
    <message>
        <source>The folder that holds the guide's code blocks (01.yaml … 33.yaml)</source>
        <translation>ガイドのコードブロック（01.yaml … 33.yaml）があるフォルダー</translation>
    </message>
    <message>
        <source>The guide's code blocks were not found. Choose their folder (../shared/fixtures/seed beside the Torii sources) with "Choose guide folder…", or set TORII_GUIDE_DIR. The lessons' texts are shown meanwhile.</source>
        <translation>ガイドのコードブロックが見つかりません。「ガイドのフォルダーを選択…」でそのフォルダー（Torii のソース横の ../shared/fixtures/seed）を選ぶか、TORII_GUIDE_DIR を設定してください。それまではレッスンの説明文だけを表示します。</translation>
    </message>
    <message>
        <source>Guide: %1 (%2)</source>
        <translation>ガイド: %1（%2）</translation>
    </message>
    <message>
        <source>Open in workspace</source>
        <translation>ワークスペースで開く</translation>
    </message>
    <message>
        <source>Add the lesson's objects (and the objects the completion added) to the open workspace</source>
        <translation>レッスンのオブジェクト（と補完で追加したオブジェクト）を開いているワークスペースに追加します</translation>
    </message>
    <message>
        <source>Show as written</source>
        <translation>記述どおりに表示</translation>
    </message>
    <message>
        <source>Complete the example</source>
        <translation>例を補完</translation>
    </message>
    <message>
        <source>Show the status of the blocks as the guide wrote them</source>
        <translation>ガイドに書かれたとおりのブロックのステータスを表示します</translation>
    </message>
    <message>
        <source>Run traffic</source>
        <translation>トラフィックを実行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the traffic and the lesson's gateway</source>
        <translation>トラフィックとレッスンのゲートウェイを停止します</translation>
    </message>
    <message>
        <source>&amp;Block:</source>
        <translation>ブロック(&amp;B):</translation>
    </message>
    <message>
        <source>The lesson's code blocks appear here once the guide folder is known.</source>
        <translation>ガイドのフォルダーが分かると、ここにレッスンのコードブロックが表示されます。</translation>
    </message>
    <message>
        <source>Blocks: %1</source>
        <extracomment>Lessons: the guide's own (Japanese) section heading and the lesson's block files.</extracomment>
        <translation>ブロック: %1</translation>
    </message>
    <message>
        <source>Guide: 「%1」 · blocks: %2</source>
        <translation>ガイド:「%1」 · ブロック: %2</translation>
    </message>
    <message>
        <source>Serve the lesson on 127.0.0.1 and send its requests</source>
        <translation>レッスンを 127.0.0.1 で公開し、リクエストを送ります</translation>
    </message>
    <message>
        <source>This lesson routes no traffic</source>
        <translation>このレッスンはトラフィックをルーティングしません</translation>
    </message>
    <message>
        <source>Computing the status…</source>
        <translation>ステータスを計算中…</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（なし）</translation>
    </message>
    <message>
        <source>%1 (context)</source>
        <extracomment>Lessons: a block of another section loaded for its objects (the route's Gateway).</extracomment>
        <translation>%1（前提）</translation>
    </message>
    <message>
        <source>Converted by %1</source>
        <translation>%1 による変換結果</translation>
    </message>
    <message>
        <source>Added by "Complete the example"</source>
        <translation>「例を補完」で追加したもの</translation>
    </message>
    <message>
        <source>Not in the guide folder: %1</source>
        <translation>ガイドのフォルダーにないもの: %1</translation>
    </message>
    <message>
        <source>Findings: %1 errors · %2 warnings · %3 notes</source>
        <translation>検出結果: エラー %1 · 警告 %2 · 情報 %3</translation>
    </message>
    <message>
        <source>Nothing was missing.</source>
        <translation>不足しているものはありませんでした。</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>追加: %1</translation>
    </message>
    <message>
        <source>What the controller and the validator say (%1)</source>
        <translation>コントローラーとバリデーターの指摘（%1）</translation>
    </message>
    <message>
        <source>Run sends %L1 requests: most without header or cookie (the 95/5 rule), some with x-canary: true and some with the ab_test=variant_b cookie.</source>
        <translation>実行すると %L1 件のリクエストを送ります。大半はヘッダーも Cookie もなし（95/5 のルール）、一部は x-canary: true 付き、一部は Cookie ab_test=variant_b 付きです。</translation>
    </message>
    <message>
        <source>Run sends %L1 requests: one of each route hostname and rule match, in turn.</source>
        <translation>実行すると %L1 件のリクエストを送ります。ルートのホスト名とルールのマッチごとに 1 件ずつ順番に送ります。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>一時フォルダーを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>This lesson routes no traffic.</source>
        <translation>このレッスンはトラフィックをルーティングしません。</translation>
    </message>
    <message>
        <source>Wait until the status is computed and any run has ended.</source>
        <translation>ステータスの計算と実行中の処理が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Starting the lesson's gateway…</source>
        <translation>レッスンのゲートウェイを起動中…</translation>
    </message>
    <message numerus="yes">
        <source>The lesson's gateway serves %n listener(s) on 127.0.0.1.</source>
        <translation>
            <numerusform>レッスンのゲートウェイは 127.0.0.1 で %n 個のリスナーを公開しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending requests…</source>
        <translation>リクエストを送信中…</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) answered; the chart shows the observed split.</source>
        <translation>
            <numerusform>%n 件のリクエストに応答がありました。チャートに観測された分割を表示しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>The traffic run failed: %1</source>
        <translation>トラフィックの実行に失敗しました: %1</translation>
    </message>
    <message>
        <source>Serve the lesson on 127.0.0.1 and open connections to its listeners</source>
        <translation>レッスンを 127.0.0.1 で提供し、そのリスナーへ接続を開きます</translation>
    </message>
    <message>
        <source>Add the namespaces and Services the guide never defines (mock backends), let the lesson's routes onto their listeners, and show the status again</source>
        <translation>ガイドが定義していない名前空間と Service（モックバックエンド）を追加し、レッスンのルートをリスナーに接続できるようにして、状態を再表示します</translation>
    </message>
    <message>
        <source>Completed copies: %1</source>
        <extracomment>Lessons: objects of the guide replaced by completed copies (Gateways).</extracomment>
        <translation>補完コピー: %1</translation>
    </message>
    <message>
        <source>Run serves the lesson's TCP, UDP and TLS listeners on 127.0.0.1 and opens %L1 connections (UDP: flows) per route rule that the lesson's routes reach; the chart shows which backend answered each. Routes the guide's listeners do not admit reach nothing: "Complete the example" first. Try the listeners yourself with the lines in the table.</source>
        <translation>「実行」はレッスンの TCP・UDP・TLS リスナーを 127.0.0.1 で提供し、レッスンのルートが届くルートルールごとに %L1 本の接続（UDP はフロー）を開きます。グラフはそれぞれに応答したバックエンドを示します。ガイドのリスナーが受け入れないルートにはどこからも届かないので、先に「例を補完」してください。表の行を使ってリスナーを自分で試すこともできます。</translation>
    </message>
    <message>
        <source>%1 is not charted: its backend is the DNS stand-in (the guide's coredns), which answers a DNS query with the asker's own address, as coredns' whoami plugin does, and never names itself; so an answer cannot say which backend sent it, and the echo the sampler speaks gets no answer. Ask it yourself: dig @127.0.0.1 -p %2 example.com</source>
        <extracomment>Lessons: %1 a rule ("UDPRoute dns-system/dns-udp-route rule 0"), %2 a local port.</extracomment>
        <translation>%1 はグラフにしません。バックエンドは DNS の代役（ガイドの coredns）で、coredns の whoami プラグインと同じく DNS の問い合わせに問い合わせ元のアドレスで答え、自分の名前を名乗りません。そのため応答からどのバックエンドが返したかは分からず、サンプラーが話すエコーにも応答しません。自分で問い合わせてみてください: dig @127.0.0.1 -p %2 example.com</translation>
    </message>
    <message>
        <source>%1 is not charted: its backends are not echo servers (an HTTP Deployment behind a TCP listener), so an answer cannot say which backend sent it.</source>
        <translation>%1 はグラフにしません。バックエンドがエコーサーバーではない（TCP リスナーの背後の HTTP Deployment）ため、応答からどのバックエンドが返したかが分かりません。</translation>
    </message>
    <message numerus="yes">
        <source>%n HTTPS listener(s) without a usable certificate were served with a certificate of a development CA made for this run, which the requests trust.</source>
        <extracomment>Lessons: %2 is the path of the development CA's certificate.</extracomment>
        <translation>
            <numerusform>使える証明書のない HTTPS リスナー %n 個を、この実行のために作った開発用 CA の証明書で提供し、リクエストはその CA を信頼しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ListenersModel</name>
    <message>
        <source>not served yet: the local gateway does not serve this protocol</source>
        <translation>未提供: ローカルゲートウェイはこのプロトコルをまだ提供しません</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>リスナー</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>ローカルアドレス</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>試す</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::LiveRun</name>
    <message>
        <source>Open a workspace with a Gateway first.</source>
        <translation>先に Gateway を含むワークスペースを開いてください。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>一時フォルダーを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::MainWindow</name>
    <message>
        <source>Torii</source>
        <translation>Torii</translation>
    </message>
    <message>
        <source>Recover unsaved edits?</source>
        <translation>保存されていない編集を復元しますか？</translation>
    </message>
    <message>
        <source>Torii did not end cleanly last time. Unsaved edits of these files were kept:

%1

Recover them? (No discards them.)</source>
        <translation>前回 Torii は正常に終了しませんでした。次のファイルの保存されていない編集が残っています:

%1

復元しますか？（「いいえ」で破棄します）</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Torii&lt;/h2&gt;&lt;p&gt;A studio for the Kubernetes Gateway API.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Torii&lt;/h2&gt;&lt;p&gt;Kubernetes Gateway API のスタジオ&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a folder of YAML files, or start from the demo workspace: the guide's examples, ready to validate and run.</source>
        <translation>YAML ファイルのフォルダーを開くか、デモワークスペース（ガイドの例。すぐに検証・実行できます）から始めてください。</translation>
    </message>
    <message>
        <source>Open the demo workspace</source>
        <translation>デモワークスペースを開く</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>フォルダーを開く…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>フォルダーを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open F&amp;iles…</source>
        <translation>ファイルを開く(&amp;I)…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Workspace</source>
        <translation>デモワークスペースを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>すべて保存(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run Gateway</source>
        <translation>ゲートウェイを実行(&amp;R)</translation>
    </message>
    <message>
        <source>Serve the workspace on 127.0.0.1 with mock backends (F5)</source>
        <translation>ワークスペースをモックバックエンド付きで 127.0.0.1 に提供します (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop Gateway</source>
        <translation>ゲートウェイを停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Filter the Explorer</source>
        <translation>エクスプローラーを絞り込む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About Torii</source>
        <translation>Torii について(&amp;A)</translation>
    </message>
    <message>
        <source>About Torii</source>
        <translation>Torii について</translation>
    </message>
    <message>
        <source>&lt;b&gt;Torii&lt;/b&gt; %1&lt;br&gt;A studio for the Kubernetes Gateway API v1.6.1.</source>
        <translation>&lt;b&gt;Torii&lt;/b&gt; %1&lt;br&gt;Kubernetes Gateway API v1.6.1 のスタジオ</translation>
    </message>
    <message>
        <source>Explorer</source>
        <translation>エクスプローラー</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>パネル</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>階層</translation>
    </message>
    <message>
        <source>The hierarchy view is not part of this build.</source>
        <translation>このビルドには階層ビューが含まれていません。</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Recent &amp;Workspaces</source>
        <translation>最近のワークスペース(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>問題(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Request &amp;Tester</source>
        <translation>リクエストテスター(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>The language changes when Torii starts again.</source>
        <translation>言語は Torii を次に起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>Open a folder of YAML files</source>
        <translation>YAML ファイルのフォルダーを開く</translation>
    </message>
    <message>
        <source>Open YAML files</source>
        <translation>YAML ファイルを開く</translation>
    </message>
    <message>
        <source>YAML and JSON (*.yaml *.yml *.json);;All files (*)</source>
        <translation>YAML と JSON (*.yaml *.yml *.json);;すべてのファイル (*)</translation>
    </message>
    <message numerus="yes">
        <source> and %n more file(s)</source>
        <translation>
            <numerusform> ほか %n ファイル</numerusform>
        </translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>ディスク上のファイルが変更されました</translation>
    </message>
    <message>
        <source>%1 was changed on disk while it has unsaved edits here.

Reload it from disk (your edits are lost) or keep your edits (saving will overwrite the other change)?</source>
        <translation>%1 は、ここに保存されていない編集がある間にディスク上で変更されました。

ディスクから再読み込みしますか（編集は失われます）、それとも編集を残しますか（保存するともう一方の変更は上書きされます）？</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>ワークスペースが開かれていません</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n 個のオブジェクト</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gateway ● running on 127.0.0.1 (%n listener(s))</source>
        <translation>
            <numerusform>ゲートウェイ ● 127.0.0.1 で実行中（リスナー %n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>Gateway ○ stopped</source>
        <translation>ゲートウェイ ○ 停止中</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>The gateway did not start: %1</source>
        <translation>ゲートウェイを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>保存されていない編集</translation>
    </message>
    <message>
        <source>Save the edited files before closing?</source>
        <translation>閉じる前に編集したファイルを保存しますか？</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>トラフィック</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>ロール:</translation>
    </message>
    <message>
        <source>&amp;Export for kubectl…</source>
        <translation>kubectl 用に書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New Resource…</source>
        <translation>新しいリソース(&amp;N)…</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>フォーム</translation>
    </message>
    <message>
        <source>New Resource</source>
        <translation>新しいリソース</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop opening; the workspace open now stays as it is</source>
        <translation>開くのを中止します。いま開いているワークスペースはそのまま残ります</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>移行</translation>
    </message>
    <message>
        <source>Add to Workspace</source>
        <translation>ワークスペースに追加</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Migrate…</source>
        <translation>移行(&amp;M)…</translation>
    </message>
    <message>
        <source>Could not open the workspace: %1</source>
        <translation>ワークスペースを開けませんでした: %1</translation>
    </message>
    <message>
        <source>Opening cancelled: the workspace open before is unchanged.</source>
        <translation>開くのを中止しました。前に開いていたワークスペースは変わっていません。</translation>
    </message>
    <message numerus="yes">
        <source>Opening: computing the status of %n object(s)…</source>
        <translation>
            <numerusform>開いています: %n 個のオブジェクトのステータスを計算中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening: finding the files…</source>
        <translation>開いています: ファイルを探しています…</translation>
    </message>
    <message numerus="yes">
        <source>Opening: %1 of %2 files read, %n object(s)</source>
        <translation>
            <numerusform>開いています: %2 ファイル中 %1 を読み込み、%n 個のオブジェクト</numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>&amp;Lessons…</source>
        <translation>レッスン(&amp;L)…</translation>
    </message>
    <message>
        <source>Open in workspace</source>
        <translation>ワークスペースで開く</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::MigrateView</name>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Open a file to convert (JSON or YAML)</source>
        <translation>変換するファイルを開く (JSON または YAML)</translation>
    </message>
    <message>
        <source>&amp;Converter:</source>
        <translation>変換元(&amp;C):</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動 (%1)</translation>
    </message>
    <message>
        <source>The converter whose input this is, found by reading it</source>
        <translation>入力を読んで、それを扱う変換を選びます</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Namespace for input objects that name none (default: default)</source>
        <translation>Namespace を指定していない入力オブジェクトの Namespace (既定: default)</translation>
    </message>
    <message>
        <source>Gateway class</source>
        <translation>Gateway クラス</translation>
    </message>
    <message>
        <source>gatewayClassName of the generated Gateways</source>
        <translation>生成する Gateway の gatewayClassName</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <source>OpenAPI 3: the Service every route forwards to, [NAMESPACE/]NAME[:PORT]</source>
        <translation>OpenAPI 3: すべてのルートの転送先 Service、[NAMESPACE/]NAME[:PORT]</translation>
    </message>
    <message>
        <source>TLS Secret</source>
        <translation>TLS Secret</translation>
    </message>
    <message>
        <source>OpenAPI 3: the Secret of the HTTPS listeners, [NAMESPACE/]NAME</source>
        <translation>OpenAPI 3: HTTPS リスナーの Secret、[NAMESPACE/]NAME</translation>
    </message>
    <message>
        <source>Add to Workspace</source>
        <translation>ワークスペースに追加</translation>
    </message>
    <message>
        <source>Add the generated objects to the open workspace</source>
        <translation>生成したオブジェクトを開いているワークスペースに追加します</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>変換元</translation>
    </message>
    <message>
        <source>Generated Gateway API objects</source>
        <translation>生成された Gateway API オブジェクト</translation>
    </message>
    <message>
        <source>Paste an ECS task definition, ALB rules, an Ingress, Istio objects or an OpenAPI 3 document here, or open a file.</source>
        <translation>ECS タスク定義、ALB ルール、Ingress、Istio オブジェクト、OpenAPI 3 ドキュメントのいずれかをここに貼り付けるか、ファイルを開いてください。</translation>
    </message>
    <message>
        <source>The converted objects appear here.</source>
        <translation>変換したオブジェクトがここに表示されます。</translation>
    </message>
    <message>
        <source>objects: %1 · errors: %2 · warnings: %3</source>
        <translation>オブジェクト: %1 · エラー: %2 · 警告: %3</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB</source>
        <translation>%1 は %2 MiB を超えています</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Open a file to convert</source>
        <translation>変換するファイルを開く</translation>
    </message>
    <message>
        <source>Configuration (*.json *.yaml *.yml);;All files (*)</source>
        <translation>設定ファイル (*.json *.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>変換中…</translation>
    </message>
    <message>
        <source>Select a line of the generated objects to see where it came from.</source>
        <translation>生成されたオブジェクトの行を選ぶと、その変換元が表示されます。</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>%1 行 %2 列</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <extracomment>Migrate view: generated field ← where in the source it came from. Keep the arrow.</extracomment>
        <translation>%1 ← %2</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::MigrationNotesModel</name>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Source line</source>
        <translation>変換元の行</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::NewResourceDialog</name>
    <message>
        <source>New Resource</source>
        <translation>新しいリソース</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Name&amp;space:</source>
        <translation>名前空間(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Parent Gateway:</source>
        <translation>親 Gateway(&amp;P):</translation>
    </message>
    <message>
        <source>Append to &amp;file:</source>
        <translation>追加先ファイル(&amp;F):</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::Preferences</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>ヒント</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::RequestTester</name>
    <message>
        <source>http://host.example.com/path — the host and port as clients use them</source>
        <translation>http://host.example.com/path — クライアントが使うホストとポート</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the request to the running gateway (Ctrl+Enter)</source>
        <translation>実行中のゲートウェイにリクエストを送信します (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>One header per line: name: value</source>
        <translation>1 行に 1 ヘッダー: name: value</translation>
    </message>
    <message>
        <source>Request body (optional)</source>
        <translation>リクエストボディ（省略可）</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>ヘッダー</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>ボディ</translation>
    </message>
    <message>
        <source>Start the gateway (Run ▶) to send requests.</source>
        <translation>リクエストを送るにはゲートウェイを開始してください（実行 ▶）。</translation>
    </message>
    <message>
        <source>Gateway running: send a request.</source>
        <translation>ゲートウェイ実行中: リクエストを送信してください。</translation>
    </message>
    <message>
        <source>The gateway is not running: start it first.</source>
        <translation>ゲートウェイが実行されていません。先に開始してください。</translation>
    </message>
    <message>
        <source>"%1" is not an http:// URL such as http://shop.example.com/cart</source>
        <translation>"%1" は http://shop.example.com/cart のような http:// の URL ではありません</translation>
    </message>
    <message>
        <source>No running HTTP listener serves port %1 (the tester speaks plain HTTP).</source>
        <translation>ポート %1 を提供している実行中の HTTP リスナーがありません（テスターは平文 HTTP で送信します）。</translation>
    </message>
    <message>
        <source>Header "%1" is not 'name: value'.</source>
        <translation>ヘッダー "%1" が 'name: value' の形ではありません。</translation>
    </message>
    <message>
        <source>Gateway %1, port %2:</source>
        <translation>Gateway %1、ポート %2:</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>応答なし: %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation>レプリカ %1</translation>
    </message>
    <message>
        <source>%1/%2 (replica %3)</source>
        <translation>%1/%2（レプリカ %3）</translation>
    </message>
    <message>
        <source>Answered by the gateway itself: no route matches.</source>
        <translation>ゲートウェイ自身が応答しました: 一致するルートがありません。</translation>
    </message>
    <message>
        <source>Route: %1 — answered by the gateway</source>
        <translation>ルート: %1 — ゲートウェイが応答</translation>
    </message>
    <message>
        <source>Route: %1 → backend %2</source>
        <translation>ルート: %1 → バックエンド %2</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::ResourceForm</name>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Add an item to the selected list or map, or write the selected field</source>
        <translation>選択したリストやマップに項目を追加するか、選択したフィールドを書き込みます</translation>
    </message>
    <message>
        <source>Remove the selected item or optional field</source>
        <translation>選択した項目または省略可能なフィールドを削除します</translation>
    </message>
    <message>
        <source>Select an object in the Explorer or in the YAML to edit it here.</source>
        <translation>エクスプローラーか YAML でオブジェクトを選ぶと、ここで編集できます。</translation>
    </message>
    <message>
        <source>The YAML cannot be read at the moment: fix it in the editor and the form follows.</source>
        <translation>現在 YAML を読み込めません: エディターで直すとフォームも追従します。</translation>
    </message>
    <message>
        <source> (inside a List: edit it in the YAML)</source>
        <translation>（List の中にあります: YAML で編集してください）</translation>
    </message>
    <message>
        <source>No object is shown.</source>
        <translation>表示中のオブジェクトはありません。</translation>
    </message>
    <message>
        <source>Written into the YAML (only the value changed).</source>
        <translation>YAML に書き込みました（値だけを変更）。</translation>
    </message>
    <message>
        <source>Written into the YAML (the object's document was rewritten; comments inside it are not kept).</source>
        <translation>YAML に書き込みました（オブジェクトのドキュメントを書き直したため、その中のコメントは残りません）。</translation>
    </message>
    <message>
        <source>Choose a file of the workspace to add the object to.</source>
        <translation>オブジェクトを追加するワークスペースのファイルを選んでください。</translation>
    </message>
    <message>
        <source>The new object could not be read back.</source>
        <translation>新しいオブジェクトを読み戻せませんでした。</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::RoleSwitcher</name>
    <message>
        <source>Owned by the %1: read-only while you act as the %2.</source>
        <translation>%1 の担当です: %2 として作業中は読み取り専用です。</translation>
    </message>
    <message>
        <source>Act as one role: what it may not edit becomes read-only</source>
        <translation>1 つのロールとして作業します: そのロールが編集できないものは読み取り専用になります</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>すべてのロール</translation>
    </message>
    <message>
        <source>Mixed roles: the documents of other roles' objects refuse edits.</source>
        <translation>ロールが混在: 他のロールのオブジェクトのドキュメントは編集できません。</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::RunPanel</name>
    <message>
        <source>○ The gateway is stopped. Run ▶ (F5) serves the workspace on 127.0.0.1.</source>
        <translation>○ ゲートウェイは停止中です。実行 ▶ (F5) でワークスペースを 127.0.0.1 に提供します。</translation>
    </message>
    <message numerus="yes">
        <source>● Gateway running on 127.0.0.1: %n listener(s) served</source>
        <translation>
            <numerusform>● ゲートウェイが 127.0.0.1 で実行中: リスナー %n 個を提供</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Service(s) not in the workspace were made up as mock backends</source>
        <translation>
            <numerusform>ワークスペースにない Service %n 個をモックバックエンドとして補いました</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop waiting for the gateway to start</source>
        <translation>ゲートウェイの起動待ちをやめます</translation>
    </message>
    <message>
        <source>The gateway did not start: %1</source>
        <translation>ゲートウェイを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>◌ Starting the gateway: reading the design, reconciling, opening the listeners…</source>
        <translation>◌ ゲートウェイを起動しています: 設計の読み込み、調整、リスナーの開始…</translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation>コマンドをコピー</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>The language changes when Torii starts again.</source>
        <translation>言語は Torii を次に起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>テーマ(&amp;T):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Found automatically</source>
        <translation>自動で検出</translation>
    </message>
    <message>
        <source>The folder that holds the guide's code blocks (01.yaml … 33.yaml), for the Lessons view. Empty: $TORII_GUIDE_DIR or ../shared/fixtures/seed beside the sources.</source>
        <translation>レッスンビューで使う、ガイドのコードブロック（01.yaml … 33.yaml）のあるフォルダー。空欄: $TORII_GUIDE_DIR、またはソースの隣の ../shared/fixtures/seed。</translation>
    </message>
    <message>
        <source>Choose the folder of the guide's code blocks</source>
        <translation>ガイドのコードブロックのフォルダーを選択</translation>
    </message>
    <message>
        <source>&amp;Guide folder:</source>
        <translation>ガイドフォルダー(&amp;G):</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::TrafficCharts</name>
    <message>
        <source>Requests/s per backend (dashed: configured weights)</source>
        <translation>バックエンドごとの毎秒リクエスト数（破線: 設定された重み）</translation>
    </message>
    <message>
        <source>Share per rule: configured and observed</source>
        <translation>ルールごとの割合: 設定値と観測値</translation>
    </message>
    <message>
        <source>Latency percentiles (ms)</source>
        <translation>レイテンシーのパーセンタイル（ms）</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>リクエスト/秒</translation>
    </message>
    <message>
        <source>%1 configured</source>
        <translation>%1 設定値</translation>
    </message>
    <message>
        <source>Start a run to compare the observed split with the weights.</source>
        <translation>実行を開始すると、観測された配分を重みと比べられます。</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>設定値</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>観測値</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%1 %2 % configured · %3 % observed</source>
        <translation>%1 設定 %2 % · 観測 %3 %</translation>
    </message>
    <message>
        <source>No rule reached splits its traffic between backends: nothing to compare.</source>
        <translation>到達したルールにはバックエンド間でトラフィックを分けるものがありません: 比較対象なし。</translation>
    </message>
    <message>
        <source>Latency histogram (answers per bin, ms)</source>
        <translation>レイテンシのヒストグラム（区間ごとの応答数、ms）</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>応答数</translation>
    </message>
    <message>
        <source>%1 ms: %2 answers</source>
        <translation>%1 ms: 応答 %2 件</translation>
    </message>
    <message>
        <source>Latency (ms): p50 %1 · p90 %2 · p99 %3</source>
        <translation>レイテンシ (ms): p50 %1 · p90 %2 · p99 %3</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 を書き込めません。</translation>
    </message>
    <message>
        <source>Save a chart as .png or .svg, not "%1".</source>
        <translation>グラフは .png か .svg で保存してください。"%1" は使えません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::TrafficModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>(gateway)</source>
        <translation>（ゲートウェイ）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>設定値</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>観測値</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>no answers from a backend yet</source>
        <translation>バックエンドからの応答はまだありません</translation>
    </message>
    <message>
        <source>not consistent: a backend with weight 0 answered (%1 requests)</source>
        <translation>一致しません: 重み 0 のバックエンドが応答しました（%1 リクエスト）</translation>
    </message>
    <message>
        <source>a single backend: nothing to test (%1 requests)</source>
        <translation>バックエンドが 1 つ: 検定なし（%1 リクエスト）</translation>
    </message>
    <message>
        <source>consistent with the weights (p = %1) over %2 requests</source>
        <translation>%2 リクエストで重みと矛盾しません（p = %1）</translation>
    </message>
    <message>
        <source>not consistent with the weights (p = %1) over %2 requests</source>
        <translation>%2 リクエストで重みと一致しません（p = %1）</translation>
    </message>
    <message>
        <source> — too few requests for a firm answer</source>
        <translation> — リクエストが少なく確かなことは言えません</translation>
    </message>
    <message>
        <source> — few requests: p from the exact test</source>
        <translation> — リクエストが少ないため、p は正確検定による値です</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::TrafficPanel</name>
    <message>
        <source>Start traffic</source>
        <translation>トラフィック開始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Default mix: every route host and rule match</source>
        <translation>既定のミックス: すべてのルートのホストとルールのマッチ</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>同時実行数</translation>
    </message>
    <message>
        <source>Rate (requests/s)</source>
        <translation>レート（リクエスト/秒）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Requests per second, sent whatever the answers (open loop)</source>
        <translation>応答にかかわらず送る毎秒リクエスト数（オープンループ）</translation>
    </message>
    <message>
        <source>Requests in flight at all times (closed loop)</source>
        <translation>常に処理中にしておくリクエスト数（クローズドループ）</translation>
    </message>
    <message>
        <source>for</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Sends the mix to the running gateway and charts the answers.</source>
        <translation>ミックスを実行中のゲートウェイに送り、応答をグラフにします。</translation>
    </message>
    <message>
        <source>Start the gateway first (Run ▶), then the traffic.</source>
        <translation>先にゲートウェイを開始し（実行 ▶）、それからトラフィックを開始してください。</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n request template(s)…</source>
        <translation>
            <numerusform>%n 個のリクエストテンプレートを送信中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1 requests in %2 s.</source>
        <translation>完了: %2 秒で %1 リクエスト。</translation>
    </message>
    <message>
        <source>The traffic run failed: %1</source>
        <translation>トラフィックの実行に失敗しました: %1</translation>
    </message>
    <message>
        <source>Cancelled after %1 requests in %2 s.</source>
        <translation>%2 秒で %1 リクエスト送信後にキャンセルしました。</translation>
    </message>
    <message>
        <source>Down (refuses connections)</source>
        <translation>停止（接続を拒否）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>What to send: the default mix (one request per route hostname and rule match, equally weighted), a request mix file, or a scenario file played over the default mix.</source>
        <translation>送信内容: 既定のミックス（ルートのホスト名とルールのマッチごとに 1 リクエスト、均等な重み）、リクエストミックスのファイル、または既定のミックスの上で再生するシナリオファイル。</translation>
    </message>
    <message>
        <source>Choose a request mix or a traffic scenario</source>
        <translation>リクエストミックスまたはトラフィックシナリオを選択</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>グラフを保存…</translation>
    </message>
    <message>
        <source>Requests/s per backend</source>
        <translation>バックエンドごとのリクエスト/秒</translation>
    </message>
    <message>
        <source>Share per rule</source>
        <translation>ルールごとの割合</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>レイテンシのパーセンタイル</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>レイテンシのヒストグラム</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>データを CSV で保存…</translation>
    </message>
    <message>
        <source>What changed during the run: scenario steps, a rollback, behaviour changes</source>
        <translation>実行中に変わったこと: シナリオのステップ、ロールバック、振る舞いの変更</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Backend behaviour</source>
        <translation>バックエンドの振る舞い</translation>
    </message>
    <message>
        <source>Changes how a running mock Service answers, at once; kept in torii.yaml</source>
        <translation>動作中のモック Service の応答を即座に変更します。torii.yaml に保存されます</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Added latency</source>
        <translation>追加レイテンシ</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>エラー率</translation>
    </message>
    <message>
        <source>Error status</source>
        <translation>エラーステータス</translation>
    </message>
    <message>
        <source>Mix: %1</source>
        <translation>ミックス: %1</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>シナリオ: %1</translation>
    </message>
    <message>
        <source>Choose a mix or scenario file…</source>
        <translation>ミックスまたはシナリオのファイルを選択…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The scenario does not read:
%1</source>
        <translation>シナリオを読み込めません:
%1</translation>
    </message>
    <message>
        <source>The request mix does not read:
%1</source>
        <translation>リクエストミックスを読み込めません:
%1</translation>
    </message>
    <message>
        <source>Start the gateway to change its mock Services</source>
        <translation>モック Service を変更するにはゲートウェイを起動してください</translation>
    </message>
    <message>
        <source>Choose a Service first.</source>
        <translation>先に Service を選択してください。</translation>
    </message>
    <message>
        <source>latency %1 ms</source>
        <translation>レイテンシ %1 ms</translation>
    </message>
    <message>
        <source>errors %1 % (%2)</source>
        <translation>エラー %1 %（%2）</translation>
    </message>
    <message>
        <source>down</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>There is no chart %1.</source>
        <translation>グラフ %1 はありません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>グラフを保存</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 図 (*.svg)</translation>
    </message>
    <message>
        <source>Save the data as CSV</source>
        <translation>データを CSV で保存</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::TrafficRun</name>
    <message>
        <source>A traffic run is already going; cancel it first.</source>
        <translation>トラフィックの実行がすでに進行中です。先にキャンセルしてください。</translation>
    </message>
    <message>
        <source>The duration, rate and concurrency must be positive.</source>
        <translation>期間、レート、同時実行数は正の値である必要があります。</translation>
    </message>
    <message>
        <source>No HTTP route to send requests to.</source>
        <translation>リクエストを送る HTTP ルートがありません。</translation>
    </message>
    <message>
        <source>None of the mix's listeners is served; start the gateway first.</source>
        <translation>ミックスのリスナーはどれも提供されていません。先にゲートウェイを開始してください。</translation>
    </message>
    <message>
        <source>Cannot set up TLS for the HTTPS requests: %1</source>
        <translation>HTTPS リクエスト用の TLS を準備できません: %1</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::WeightsPanel</name>
    <message>
        <source>Weights of %1</source>
        <translation>%1 の重み</translation>
    </message>
    <message>
        <source>weight %1 · %2 %</source>
        <translation>重み %1 · %2 %</translation>
    </message>
    <message>
        <source>weight %1 · no traffic</source>
        <translation>重み %1 · トラフィックなし</translation>
    </message>
</context>
<context>
    <name>Torii::Gui::YamlEditor</name>
    <message>
        <source>Hint: %1</source>
        <translation>ヒント: %1</translation>
    </message>
</context>
<context>
    <name>Torii::Workspace::Workspace</name>
    <message>
        <source>Nothing to open: name a folder or YAML files.</source>
        <translation>開くものがありません: フォルダーか YAML ファイルを指定してください。</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: そのようなファイルやフォルダーはありません</translation>
    </message>
    <message>
        <source>Open one folder, or a list of files, not both.</source>
        <translation>フォルダー 1 つか、ファイルの一覧のどちらかを開いてください（両方は不可）。</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>ワークスペースが開かれていません。</translation>
    </message>
</context>
<context>
    <name>torii</name>
    <message>
        <source>Torii, a studio for the Kubernetes Gateway API: design Gateways and routes, check them as the API server would, and run them as a local gateway.</source>
        <translation>Torii は Kubernetes Gateway API のスタジオです。Gateway とルートを設計し、API サーバーと同じ基準で検証し、ローカルゲートウェイとして実行します。</translation>
    </message>
    <message>
        <source>Language of the interface: en or ja (default: the one chosen in the studio, else the system's).</source>
        <translation>画面の言語: en または ja（既定: スタジオで選んだ言語、なければシステムの言語）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Save a PNG of each main view into DIR and quit; shows the demo workspace, or WORKSPACE when given.</source>
        <translation>主要な各ビューの PNG を DIR に保存して終了します。デモワークスペース、または指定された WORKSPACE を表示します。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>A workspace folder, or YAML files to open.</source>
        <translation>開くワークスペースのフォルダー、または YAML ファイル。</translation>
    </message>
    <message>
        <source>[WORKSPACE|FILE...]</source>
        <translation>[WORKSPACE|FILE...]</translation>
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
        <source>toriictl: unknown command "%1"</source>
        <translation>toriictl: 不明なコマンド "%1"</translation>
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
        <source>toriictl validate: unknown output format "%1" (use text or json)</source>
        <translation>toriictl validate: 不明な出力形式 "%1"（text か json を指定してください）</translation>
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
        <source>toriictl test: the output option is "-o junit FILE"</source>
        <translation>toriictl test: 出力オプションは "-o junit FILE" の形式です</translation>
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
        <source>Folder the cases' manifest paths are relative to (default: the case file's ../manifests).</source>
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
        <source>A request header for --explain, 'name: value'.</source>
        <translation>--explain で使うリクエストヘッダー（'name: value'）。</translation>
    </message>
    <message>
        <source>toriictl routes: --explain needs a URL</source>
        <translation>toriictl routes: --explain には URL が必要です</translation>
    </message>
    <message>
        <source>toriictl routes: "%1" is not a URL such as http://shop.example.com/cart</source>
        <translation>toriictl routes: "%1" は http://shop.example.com/cart のような URL ではありません</translation>
    </message>
    <message>
        <source>toriictl routes: name at least one file or folder</source>
        <translation>toriictl routes: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl routes: header "%1" is not 'name: value'</source>
        <translation>toriictl routes: ヘッダー "%1" が 'name: value' の形式ではありません</translation>
    </message>
    <message>
        <source>Gateway %1, port %2:</source>
        <translation>Gateway %1、ポート %2:</translation>
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
        <source>toriictl status: unknown output format "%1" (use text, yaml or json)</source>
        <translation>toriictl status: 不明な出力形式 "%1"（text、yaml、json のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>toriictl status: name at least one file or folder</source>
        <translation>toriictl status: ファイルかフォルダーを 1 つ以上指定してください</translation>
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
        <source>Send a Service's traffic to a real local app instead of a mock: NAMESPACE/NAME=127.0.0.1:PORT.</source>
        <translation>Service へのトラフィックをモックではなくローカルの実アプリに送ります: NAMESPACE/NAME=127.0.0.1:PORT。</translation>
    </message>
    <message>
        <source>toriictl serve: name at least one file or folder</source>
        <translation>toriictl serve: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl serve: --backend wants NAMESPACE/NAME=127.0.0.1:PORT, not "%1"</source>
        <translation>toriictl serve: --backend には "%1" ではなく NAMESPACE/NAME=127.0.0.1:PORT を指定してください</translation>
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
        <source>%1 listener %2 (%3): not served yet; Torii's gateway serves HTTP listeners today, HTTPS, TLS, TCP and UDP arrive with the next parts of the live gateway
</source>
        <translation>%1 のリスナー %2 (%3): まだ提供されません。Torii のゲートウェイが現在提供するのは HTTP リスナーのみで、HTTPS、TLS、TCP、UDP はローカルゲートウェイの次の段階で加わります
</translation>
    </message>
    <message>
        <source>Run route tests (the Gateway API conformance case format): load each test's manifests, compute the status a Gateway controller would report and check it, then send the test's requests through the live local gateway and check the answers.</source>
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
    <message>
        <source>toriictl export: cannot write %1: %2</source>
        <translation>toriictl export: %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Write kubectl-ready YAML of a workspace, in apply order, without status, made-up objects or private keys.</source>
        <translation>ワークスペースを kubectl でそのまま適用できる YAML として、適用順に、ステータス・補ったオブジェクト・秘密鍵を除いて書き出します。</translation>
    </message>
    <message>
        <source>One file (none), one file per role (role) or per kind (kind).</source>
        <translation>1 ファイル（none）、ロールごと（role）、種類ごと（kind）のいずれか。</translation>
    </message>
    <message>
        <source>The file (--split none) or folder to write; default: the standard output.</source>
        <translation>書き出すファイル（--split none）またはフォルダー。既定は標準出力。</translation>
    </message>
    <message>
        <source>Also export Secrets that hold private keys.</source>
        <translation>秘密鍵を含む Secret も書き出します。</translation>
    </message>
    <message>
        <source>The Gateway API channel installed in the cluster: standard or experimental.</source>
        <translation>クラスターに入っている Gateway API のチャネル: standard または experimental。</translation>
    </message>
    <message>
        <source>toriictl export: unknown split "%1" (use none, role or kind)</source>
        <translation>toriictl export: 不明な分割 "%1" です（none、role、kind のいずれか）</translation>
    </message>
    <message>
        <source>toriictl export: unknown channel "%1" (use standard or experimental)</source>
        <translation>toriictl export: 不明なチャネル "%1" です（standard または experimental）</translation>
    </message>
    <message>
        <source>toriictl export: --split %1 writes several files: name a folder with --output</source>
        <translation>toriictl export: --split %1 は複数のファイルを書き出します。--output でフォルダーを指定してください</translation>
    </message>
    <message>
        <source>toriictl export: name at least one file or folder</source>
        <translation>toriictl export: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl export: some input cannot be read; nothing was written</source>
        <translation>toriictl export: 読み込めない入力があるため、何も書き出していません</translation>
    </message>
    <message>
        <source>toriictl export: cannot create the folder %1</source>
        <translation>toriictl export: フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>exported %1 object(s) in %2 file(s) to %3; %4 left out</source>
        <translation>%1 個のオブジェクトを %2 ファイルで %3 に書き出しました。除外 %4 個</translation>
    </message>
    <message>
        <source>Draw the resource hierarchy: classes, Gateways, listeners, routes and Services, with what the controller accepted and why not.</source>
        <translation>リソース階層（クラス、Gateway、リスナー、ルート、Service）を、コントローラーが受理したものとその理由とともに描きます。</translation>
    </message>
    <message>
        <source>Output format: dot, svg or png.</source>
        <translation>出力形式: dot、svg、png。</translation>
    </message>
    <message>
        <source>Write to this file instead of the standard output.</source>
        <translation>標準出力の代わりにこのファイルに書き出します。</translation>
    </message>
    <message>
        <source>Group the objects in one lane per role (infrastructure provider, cluster operator, application developer).</source>
        <translation>オブジェクトをロール（インフラストラクチャプロバイダー、クラスターオペレーター、アプリケーション開発者）ごとのレーンにまとめます。</translation>
    </message>
    <message>
        <source>toriictl graph: unknown output format "%1" (use dot, svg or png)</source>
        <translation>toriictl graph: 不明な出力形式 "%1" です（dot、svg、png のいずれか）</translation>
    </message>
    <message>
        <source>toriictl graph: name at least one file or folder</source>
        <translation>toriictl graph: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl graph: Graphviz could not draw the graph as %1 (%2)</source>
        <translation>toriictl graph: Graphviz がグラフを %1 で描けませんでした（%2）</translation>
    </message>
    <message>
        <source>toriictl graph: cannot write %1: %2</source>
        <translation>toriictl graph: %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>weights: NOT consistent: a backend the rule gives no weight answered</source>
        <translation>重み: 一致しません。ルールが重みを与えていないバックエンドが応答しました</translation>
    </message>
    <message>
        <source>weights: one backend, nothing to test</source>
        <translation>重み: バックエンドが 1 つなので検定しません</translation>
    </message>
    <message>
        <source>; few requests, the test is rough</source>
        <translation>。リクエストが少ないため検定は粗い近似です</translation>
    </message>
    <message>
        <source>open loop at %1 requests/s over up to %2 connections</source>
        <translation>オープンループ、毎秒 %1 リクエスト、最大 %2 接続</translation>
    </message>
    <message>
        <source>closed loop, %1 requests in flight</source>
        <translation>クローズドループ、同時 %1 リクエスト</translation>
    </message>
    <message>
        <source>%1; %2 requests in %3 s (%4/s), %5 errors
</source>
        <translation>%1。%3 秒で %2 リクエスト（%4/秒）、エラー %5 件
</translation>
    </message>
    <message>
        <source>latency: p50 %1 ms, p90 %2 ms, p99 %3 ms, p99.9 %4 ms, max %5 ms
</source>
        <translation>レイテンシー: p50 %1 ms、p90 %2 ms、p99 %3 ms、p99.9 %4 ms、最大 %5 ms
</translation>
    </message>
    <message>
        <source>no answer (%1): %2
</source>
        <translation>応答なし（%1）: %2
</translation>
    </message>
    <message>
        <source>RULE / BACKEND</source>
        <translation>ルール / バックエンド</translation>
    </message>
    <message>
        <source>REQUESTS</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>SHARE</source>
        <translation>割合</translation>
    </message>
    <message>
        <source>CONFIG</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>P50 ms</source>
        <translation>P50 ms</translation>
    </message>
    <message>
        <source>P90 ms</source>
        <translation>P90 ms</translation>
    </message>
    <message>
        <source>P99 ms</source>
        <translation>P99 ms</translation>
    </message>
    <message>
        <source>MAX ms</source>
        <translation>最大 ms</translation>
    </message>
    <message>
        <source>  (answered by the gateway itself: %1)
</source>
        <translation>  （ゲートウェイ自身が応答: %1）
</translation>
    </message>
    <message>
        <source>not sent: %1 (a regular-expression match; name a request for it with --mix)
</source>
        <translation>未送信: %1（正規表現のマッチです。--mix でリクエストを指定してください）
</translation>
    </message>
    <message>
        <source>Send traffic through the design served in-process (or a running toriictl serve) and report, per rule and backend, the split against the weights and the latency.</source>
        <translation>プロセス内で提供した設計（または実行中の toriictl serve）にトラフィックを送り、ルールとバックエンドごとに重みに対する配分とレイテンシーを報告します。</translation>
    </message>
    <message>
        <source>The request mix (YAML); default: one request per route hostname and rule match.</source>
        <translation>リクエストミックス（YAML）。既定はルートのホスト名とルールのマッチごとに 1 リクエスト。</translation>
    </message>
    <message>
        <source>Open loop: send this many requests per second, latency counted from when each was due.</source>
        <translation>オープンループ: 毎秒このリクエスト数を送ります。レイテンシーは各リクエストの送信予定時刻から数えます。</translation>
    </message>
    <message>
        <source>Closed loop: keep this many requests in flight.</source>
        <translation>クローズドループ: 同時にこの数のリクエストを保ちます。</translation>
    </message>
    <message>
        <source>How long to send: 10, 10s, 500ms, 2m.</source>
        <translation>送信する時間: 10、10s、500ms、2m。</translation>
    </message>
    <message>
        <source>How many requests to send.</source>
        <translation>送信するリクエスト数。</translation>
    </message>
    <message>
        <source>Open loop: connections at most (default 16).</source>
        <translation>オープンループ: 最大接続数（既定 16）。</translation>
    </message>
    <message>
        <source>Open a new connection for every request.</source>
        <translation>リクエストごとに新しい接続を開きます。</translation>
    </message>
    <message>
        <source>Send to a running toriictl serve listener instead of serving the design in-process.</source>
        <translation>設計をプロセス内で提供せず、実行中の toriictl serve のリスナーに送ります。</translation>
    </message>
    <message>
        <source>Seed of the request choice (default 1).</source>
        <translation>リクエスト選択の乱数シード（既定 1）。</translation>
    </message>
    <message>
        <source>Seed of the in-process gateway's weighted backend choice, for a reproducible split.</source>
        <translation>プロセス内ゲートウェイの重み付きバックエンド選択の乱数シード（配分を再現するため）。</translation>
    </message>
    <message>
        <source>Give up on a request after this long (default 10s).</source>
        <translation>この時間が過ぎたリクエストは諦めます（既定 10s）。</translation>
    </message>
    <message>
        <source>Also write the 1 s and 250 ms time series to this file (.csv or .json).</source>
        <translation>1 秒と 250 ms の時系列もこのファイル（.csv または .json）に書き出します。</translation>
    </message>
    <message>
        <source>Output format: table, json or csv.</source>
        <translation>出力形式: table、json、csv。</translation>
    </message>
    <message>
        <source>Do not make up Services the routes name but the workspace lacks.</source>
        <translation>ルートが参照していてワークスペースにない Service を補いません。</translation>
    </message>
    <message>
        <source>name at least one file or folder</source>
        <translation>ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>-o wants table, json or csv, not "%1"</source>
        <translation>-o には table、json、csv のいずれかを指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>give either --rate (open loop) or --concurrency (closed loop)</source>
        <translation>--rate（オープンループ）か --concurrency（クローズドループ）のどちらかを指定してください</translation>
    </message>
    <message>
        <source>--rate wants requests per second above 0, not "%1"</source>
        <translation>--rate には 0 より大きい毎秒リクエスト数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--connections wants a number from 1 to 10000, not "%1"</source>
        <translation>--connections には 1 から 10000 の数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--concurrency wants a number from 1 to 10000, not "%1"</source>
        <translation>--concurrency には 1 から 10000 の数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>give --duration, --requests or both</source>
        <translation>--duration か --requests、または両方を指定してください</translation>
    </message>
    <message>
        <source>--duration wants a time such as 10, 10s or 500ms, not "%1"</source>
        <translation>--duration には 10、10s、500ms のような時間を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--requests wants a number above 0, not "%1"</source>
        <translation>--requests には 0 より大きい数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--timeout wants a time such as 10s or 500ms, not "%1"</source>
        <translation>--timeout には 10s や 500ms のような時間を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--seed wants a whole number, not "%1"</source>
        <translation>--seed には整数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--gateway-seed wants a whole number above 0, not "%1"</source>
        <translation>--gateway-seed には 0 より大きい整数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--target wants 127.0.0.1:PORT (a toriictl serve on this machine), not "%1"</source>
        <translation>--target には 127.0.0.1:PORT（このマシンの toriictl serve）を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--series wants a file name ending in .csv or .json, not "%1"</source>
        <translation>--series には .csv か .json で終わるファイル名を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>implicit Service %1: a mock backend stands in</source>
        <translation>暗黙の Service %1: モックバックエンドが代わりを務めます</translation>
    </message>
    <message>
        <source>load: %1 s, %2 sent, %3 answered, %4 failed, %5 waiting</source>
        <translation>load: %1 秒、送信 %2、応答 %3、失敗 %4、待機 %5</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>development CA created: %1 (trust it once; later runs reuse it)
</source>
        <translation>開発用 CA を作成しました: %1（一度信頼すれば、以後の実行で再利用されます）
</translation>
    </message>
    <message>
        <source>development CA: %1
</source>
        <translation>開発用 CA: %1
</translation>
    </message>
    <message>
        <source>%1 (%2): served with a development certificate (%3)
</source>
        <translation>%1（%2）: 開発用証明書で提供します（%3）
</translation>
    </message>
    <message>
        <source>%1 (%2): not served: %3; --dev-ca serves it with a development certificate
</source>
        <translation>%1（%2）: 提供しません: %3。--dev-ca を付けると開発用証明書で提供します
</translation>
    </message>
    <message>
        <source>%1 listener %2 (%3) → %4
</source>
        <translation>%1 リスナー %2（%3）→ %4
</translation>
    </message>
    <message>
        <source>reload rejected: %1 error(s); still serving the last good design
</source>
        <translation>再読み込みを拒否しました: エラー %1 件。最後の正常な設計を提供し続けます
</translation>
    </message>
    <message>
        <source>reloaded: the files read and validate again; the design served is unchanged
</source>
        <translation>再読み込みしました: ファイルは再び読み込め、検証も通ります。提供中の設計は変わりません
</translation>
    </message>
    <message>
        <source>reloaded: nothing that is served changed
</source>
        <translation>再読み込みしました: 提供中のものに変更はありません
</translation>
    </message>
    <message>
        <source>routes added: %1</source>
        <translation>追加されたルート: %1</translation>
    </message>
    <message>
        <source>routes removed: %1</source>
        <translation>削除されたルート: %1</translation>
    </message>
    <message>
        <source>routes changed: %1</source>
        <translation>変更されたルート: %1</translation>
    </message>
    <message>
        <source>mock Services started: %1</source>
        <translation>開始したモック Service: %1</translation>
    </message>
    <message>
        <source>mock Services stopped: %1</source>
        <translation>停止したモック Service: %1</translation>
    </message>
    <message>
        <source>Gateways started: %1</source>
        <translation>開始した Gateway: %1</translation>
    </message>
    <message>
        <source>Gateways stopped: %1</source>
        <translation>停止した Gateway: %1</translation>
    </message>
    <message>
        <source>listeners changed, restarted (open connections were closed): %1</source>
        <translation>リスナーが変わったため再起動しました（開いていた接続は閉じられました）: %1</translation>
    </message>
    <message>
        <source>no route changed</source>
        <translation>ルートの変更なし</translation>
    </message>
    <message>
        <source>reloaded: %1
</source>
        <translation>再読み込みしました: %1
</translation>
    </message>
    <message>
        <source>reload: %1</source>
        <translation>再読み込み: %1</translation>
    </message>
    <message>
        <source>Serve a Gateway listener port on this local port (0: let the system choose); repeatable. Default: port + 10000 below 1024, the same port otherwise.</source>
        <translation>Gateway のリスナーポートをこのローカルポートで提供します（0: システムに任せる）。複数指定できます。既定: 1024 未満はポート + 10000、それ以外は同じポート。</translation>
    </message>
    <message>
        <source>Bind the listeners to this address (default 127.0.0.1).</source>
        <translation>リスナーをこのアドレスにバインドします（既定 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Allow an --address other machines can reach.</source>
        <translation>他のマシンから到達できる --address を許可します。</translation>
    </message>
    <message>
        <source>Largest request head (target and header fields) accepted; larger: 431. Default 64k, at most 80k.</source>
        <translation>受け付けるリクエストヘッド（ターゲットとヘッダーフィールド）の最大サイズ。超えると 431。既定 64k、最大 80k。</translation>
    </message>
    <message>
        <source>Largest request body accepted; larger: 413. Default 1g.</source>
        <translation>受け付けるリクエストボディの最大サイズ。超えると 413。既定 1g。</translation>
    </message>
    <message>
        <source>Seconds a client has to send a request head once it began one; slower: 408. Default 30.</source>
        <translation>クライアントがリクエストヘッドを送り始めてから送り終えるまでの秒数。遅いと 408。既定 30。</translation>
    </message>
    <message>
        <source>Worker threads per gateway, each with its own event loop and connections. Default 1.</source>
        <translation>ゲートウェイごとのワーカースレッド数（それぞれ独自のイベントループと接続を持ちます）。既定 1。</translation>
    </message>
    <message>
        <source>Reload when a file changes; a design that does not read or validate is not served, the last good one keeps running.</source>
        <translation>ファイルが変わったら再読み込みします。読み込めない・検証を通らない設計は提供せず、最後の正常な設計を動かし続けます。</translation>
    </message>
    <message>
        <source>Serve HTTPS listeners whose certificateRefs do not resolve with certificates of the workspace's development CA (made once in .torii/dev-ca/, reused afterwards).</source>
        <translation>certificateRefs が解決できない HTTPS リスナーを、ワークスペースの開発用 CA の証明書で提供します（.torii/dev-ca/ に一度だけ作成し、以後は再利用します）。</translation>
    </message>
    <message>
        <source>--port wants NAMESPACE/GATEWAY:PORT=LOCALPORT (ports up to 65535, LOCALPORT 0 lets the system choose), not "%1"</source>
        <translation>--port には NAMESPACE/GATEWAY:PORT=LOCALPORT を指定してください（ポートは 65535 まで、LOCALPORT 0 はシステムに任せます）（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--address wants an IP address, not "%1"</source>
        <translation>--address には IP アドレスを指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--address %1 is reachable from other machines; add --allow-non-loopback if that is what you want</source>
        <translation>--address %1 は他のマシンから到達できます。それが意図どおりなら --allow-non-loopback を付けてください</translation>
    </message>
    <message>
        <source>warning: listening on %1: other machines can reach the gateway and its mock backends' answers</source>
        <translation>警告: %1 で待ち受けています。他のマシンからゲートウェイとモックバックエンドの応答に到達できます</translation>
    </message>
    <message>
        <source>--max-body-bytes wants a size such as 1048576, 512k, 10m or 1g, not "%1"</source>
        <translation>--max-body-bytes には 1048576、512k、10m、1g のようなサイズを指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--header-timeout wants seconds above 0 (at most 86400), not "%1"</source>
        <translation>--header-timeout には 0 より大きい秒数（最大 86400）を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--workers wants a whole number from 1 to 64, not "%1"</source>
        <translation>--workers には 1 から 64 の整数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>warning: --port %1:%2: the design has no such Gateway listener</source>
        <translation>警告: --port %1:%2: 設計にそのような Gateway リスナーはありません</translation>
    </message>
    <message>
        <source>watching %1 for changes
</source>
        <translation>%1 の変更を監視しています
</translation>
    </message>
    <message>
        <source>the input could not be read</source>
        <translation>入力を読み込めませんでした</translation>
    </message>
    <message>
        <source>the request mix %1 has errors</source>
        <translation>リクエストミックス %1 にエラーがあります</translation>
    </message>
    <message>
        <source>no HTTP route to send requests to; name a request mix with --mix</source>
        <translation>リクエストを送る HTTP ルートがありません。--mix でリクエストミックスを指定してください</translation>
    </message>
    <message>
        <source>no served HTTP listener matches %1 of the request "%2"</source>
        <translation>リクエスト "%2" の %1 に一致する提供中の HTTP リスナーがありません</translation>
    </message>
    <message>
        <source>a scenario changes the in-process gateways; it cannot drive --target</source>
        <translation>シナリオはプロセス内のゲートウェイを変更するため、--target には使えません</translation>
    </message>
    <message>
        <source>the scenario %1 has errors</source>
        <translation>シナリオ %1 にエラーがあります</translation>
    </message>
    <message>
        <source>%1:%2: %3 is not in the design (or has no mock backend)</source>
        <extracomment>%1 is the scenario file, %2 a line, %3 a route rule or a Service</extracomment>
        <translation>%1:%2: %3 は設計にありません（またはモックバックエンドがありません）</translation>
    </message>
    <message>
        <source>%1: %2 is not in the design</source>
        <translation>%1: %2 は設計にありません</translation>
    </message>
    <message>
        <source>rolled back at %1 s: %2 (%3)
</source>
        <extracomment>%1 seconds into the run, %2 what was changed, %3 the crossed threshold</extracomment>
        <translation>%1 秒にロールバックしました: %2（%3）
</translation>
    </message>
    <message>
        <source>the weights changed during the scenario: the shares and the weight test compare with the weights at the start
</source>
        <translation>シナリオ中に重みが変わりました: 割合と重みの検定は開始時の重みと比べています
</translation>
    </message>
    <message>
        <source>A traffic scenario (YAML): weight and backend behaviour changes at given times, and an optional rollback rule.</source>
        <translation>トラフィックシナリオ（YAML）: 指定した時刻の重みとバックエンドの振る舞いの変更、および省略可能なロールバックルール。</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: そのようなファイルはありません</translation>
    </message>
    <message>
        <source>scenario %1 s: %2</source>
        <extracomment>%1 seconds into the run, %2 the step (e.g. "weights webapp/route rule 0: a=95 b=5")</extracomment>
        <translation>シナリオ %1 秒: %2</translation>
    </message>
    <message>
        <source>rollback %1 s: %2 (%3)</source>
        <translation>ロールバック %1 秒: %2（%3）</translation>
    </message>
    <message>
        <source>scenario %1 s: %2 not applied: %3</source>
        <translation>シナリオ %1 秒: %2 を適用できませんでした: %3</translation>
    </message>
    <message>
        <source>--duration wants seconds, 0 or more, not "%1"</source>
        <translation>--duration には 0 以上の秒数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>weights: no backend answered, nothing to test</source>
        <translation>重み: 応答したバックエンドがないため、検定できません</translation>
    </message>
    <message>
        <source>weights: consistent with the configuration (chi-square %1, %2 dof, p = %3 &gt;= alpha %4)</source>
        <extracomment>%1 chi-square statistic, %2 degrees of freedom, %3 p-value, %4 significance level</extracomment>
        <translation>重み: 設定と整合しています（カイ二乗 %1、自由度 %2、p = %3 ≥ 有意水準 %4）</translation>
    </message>
    <message>
        <source>weights: NOT consistent with the configuration (chi-square %1, %2 dof, p = %3 &lt; alpha %4)</source>
        <translation>重み: 設定と整合しません（カイ二乗 %1、自由度 %2、p = %3 &lt; 有意水準 %4）</translation>
    </message>
    <message>
        <source>HTTPS: server certificates were not verified (--insecure)
</source>
        <translation>HTTPS: サーバー証明書は検証していません（--insecure）
</translation>
    </message>
    <message>
        <source>backends: as the in-process gateway chose them; their latency as the gateway measured it
</source>
        <translation>バックエンド: プロセス内ゲートウェイが選んだとおり。レイテンシはゲートウェイが測定した値
</translation>
    </message>
    <message>
        <source>backends: as the echo answers named themselves; an answer without one counts for the rule only
</source>
        <translation>バックエンド: エコー応答が名乗ったとおり。名乗りのない応答はルールにのみ数えます
</translation>
    </message>
    <message>
        <source>%1 gateway events were lost: the backend counts are short
</source>
        <translation>ゲートウェイのイベントが %1 件失われました。バックエンドの件数は実際より少なくなっています
</translation>
    </message>
    <message>
        <source>not sent: %1 (its HTTPS listener is not served here: no usable certificate without --dev-ca, or --target; name it in --mix)
</source>
        <translation>未送信: %1（その HTTPS リスナーはここでは提供されていません。--dev-ca なしでは使える証明書がないか、--target の場合です。--mix で指定してください）
</translation>
    </message>
    <message>
        <source>Significance level of the chi-square weight test, between 0 and 1 (default 0.01).</source>
        <translation>重みのカイ二乗検定の有意水準。0 と 1 の間（既定 0.01）。</translation>
    </message>
    <message>
        <source>HTTPS: do not verify the server certificates (neither the chain nor the name).</source>
        <translation>HTTPS: サーバー証明書を検証しません（証明書チェーンも名前も）。</translation>
    </message>
    <message>
        <source>HTTPS: trust the certificates of this PEM file instead of the design's listener certificates and the workspace's development CA.</source>
        <translation>HTTPS: 設計のリスナー証明書とワークスペースの開発用 CA の代わりに、この PEM ファイルの証明書を信頼します。</translation>
    </message>
    <message>
        <source>Serve HTTPS listeners without a usable certificate with a leaf of the workspace's development CA (made once in .torii/dev-ca/), and trust it.</source>
        <translation>使える証明書のない HTTPS リスナーを、ワークスペースの開発用 CA（.torii/dev-ca/ に一度だけ作成）が発行した証明書で提供し、それを信頼します。</translation>
    </message>
    <message>
        <source>--alpha wants a significance level between 0 and 1, such as 0.01 or 0.05, not "%1"</source>
        <translation>--alpha には 0 と 1 の間の有意水準（0.01 や 0.05 など）を指定してください。"%1" は使えません</translation>
    </message>
    <message>
        <source>--ca and --insecure contradict each other: give one</source>
        <translation>--ca と --insecure は矛盾します。どちらか一方を指定してください</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 には PEM 証明書がありません</translation>
    </message>
    <message>
        <source>--dev-ca serves the design in-process; it cannot go with --target</source>
        <translation>--dev-ca は設計をプロセス内で提供するため、--target とは併用できません</translation>
    </message>
    <message>
        <source>--backend wants NAMESPACE/NAME=127.0.0.1:PORT, not "%1"</source>
        <translation>--backend には NAMESPACE/NAME=127.0.0.1:PORT を指定してください。"%1" は使えません</translation>
    </message>
    <message>
        <source>--backend binds a Service of the in-process gateway; it cannot go with --target</source>
        <translation>--backend はプロセス内ゲートウェイの Service を結び付けるため、--target とは併用できません</translation>
    </message>
    <message>
        <source>no served HTTPS listener matches %1 of the request "%2" (an HTTPS listener without a usable certificate is served with --dev-ca)</source>
        <translation>リクエスト "%2" の %1 に一致する提供中の HTTPS リスナーがありません（使える証明書のない HTTPS リスナーは --dev-ca で提供されます）</translation>
    </message>
    <message>
        <source>HTTPS: no certificate to check the servers against (the design has no listener certificate and the workspace no development CA); give --ca or --insecure</source>
        <translation>HTTPS: サーバーを検証するための証明書がありません（設計にリスナー証明書がなく、ワークスペースに開発用 CA もありません）。--ca か --insecure を指定してください</translation>
    </message>
    <message>
        <source>  %1 ← %2</source>
        <extracomment>--explain: target field ← source file:line:col and path. Keep the arrow.</extracomment>
        <translation>  %1 ← %2</translation>
    </message>
    <message>
        <source>Convert another tool's configuration into Kubernetes Gateway API objects: the objects on stdout, what has no equivalent or was guessed on stderr.

Sources:</source>
        <translation>他のツールの設定を Kubernetes Gateway API のオブジェクトに変換します。オブジェクトは標準出力に、相当するものがない項目や推測した項目は標準エラー出力に出します。

変換元:</translation>
    </message>
    <message>
        <source>Output format: yaml or json.</source>
        <translation>出力形式: yaml または json。</translation>
    </message>
    <message>
        <source>Also print, for every generated field, where it came from and why.</source>
        <translation>生成した各フィールドについて、元の場所と理由も出力します。</translation>
    </message>
    <message>
        <source>Namespace for input objects that name none (default: default).</source>
        <translation>名前空間の指定がない入力オブジェクトの名前空間(既定: default)。</translation>
    </message>
    <message>
        <source>gatewayClassName of the generated Gateways (default: from the input).</source>
        <translation>生成する Gateway の gatewayClassName(既定: 入力から)。</translation>
    </message>
    <message>
        <source>openapi3: the Secret of the HTTPS listeners, [NAMESPACE/]NAME.</source>
        <translation>openapi3: HTTPS リスナーの Secret、[NAMESPACE/]NAME。</translation>
    </message>
    <message>
        <source>openapi3: the Service every route forwards to, [NAMESPACE/]NAME[:PORT].</source>
        <translation>openapi3: すべてのルートの転送先の Service、[NAMESPACE/]NAME[:PORT]。</translation>
    </message>
    <message>
        <source>What to convert from.</source>
        <translation>変換元の種類。</translation>
    </message>
    <message>
        <source>Input files or folders.</source>
        <translation>入力のファイルまたはフォルダー。</translation>
    </message>
    <message>
        <source>toriictl convert: unknown output format "%1" (use yaml or json)</source>
        <translation>toriictl convert: 不明な出力形式 "%1"(yaml か json を使ってください)</translation>
    </message>
    <message>
        <source>toriictl convert: name what to convert from (%1)</source>
        <translation>toriictl convert: 変換元の種類を指定してください(%1)</translation>
    </message>
    <message>
        <source>toriictl convert: unknown source "%1"</source>
        <translation>toriictl convert: 不明な変換元 "%1"</translation>
    </message>
    <message>
        <source>toriictl convert: name at least one file or folder</source>
        <translation>toriictl convert: ファイルかフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl convert: the input has nothing the %1 converter reads</source>
        <translation>toriictl convert: 入力に %1 変換で読めるものがありません</translation>
    </message>
    <message>
        <source>objects: %1, errors: %2, warnings: %3</source>
        <extracomment>Summary after the notes of toriictl convert.</extracomment>
        <translation>オブジェクト: %1、エラー: %2、警告: %3</translation>
    </message>
    <message>
        <source>Usage: toriictl [--lang LANG] COMMAND [OPTIONS] ...

Torii, a studio for the Kubernetes Gateway API, without the window.

Commands:
  validate FILE|DIR...   check manifests as the API server with the v1.6.1 CRDs would
  status FILE|DIR...     show the status a Gateway controller would report
  routes FILE|DIR...     show the compiled route tables; --explain METHOD URL
  serve FILE|DIR...      run the design as a live local gateway with mock backends
  load FILE|DIR...       send traffic through the design; split, errors, latency
  test --cases FILE|DIR  run route tests: status, and requests through the live gateway
  graph FILE|DIR...      draw the resource hierarchy (DOT, SVG or PNG); --roles for lanes
  export FILE|DIR...     write kubectl-ready YAML: one file, per role or per kind
  convert SOURCE FILE... turn Ingress (and other tools' configuration) into Gateway API
  upgrade FILE|DIR...    rewrite v1beta1/v1alpha2/v1alpha3 objects to v1 in place (.bak kept)
  portability FILE|DIR   list the features used and the implementations that pass them

Options:
  --lang LANG            language of messages (en, ja); default: the system's
  --version              print the version
  -h, --help             print this help

Run 'toriictl COMMAND --help' for the options of a command.
</source>
        <translation>使い方: toriictl [--lang LANG] COMMAND [OPTIONS] ...

Torii（Kubernetes Gateway API のスタジオ）をウィンドウなしで使います。

コマンド:
  validate FILE|DIR...   v1.6.1 の CRD を入れた API サーバーと同じようにマニフェストを検査します
  status FILE|DIR...     Gateway コントローラーが報告するステータスを表示します
  routes FILE|DIR...     コンパイル済みのルートテーブルを表示します。--explain METHOD URL
  serve FILE|DIR...      設計をモックバックエンド付きのローカルゲートウェイとして動かします
  load FILE|DIR...       設計にトラフィックを流します。配分、エラー、レイテンシー
  test --cases FILE|DIR  ルートテストを実行します: ステータスと、ライブゲートウェイ経由のリクエスト
  graph FILE|DIR...      リソース階層を描きます（DOT、SVG、PNG）。--roles でレーン表示
  export FILE|DIR...     kubectl 用の YAML を書き出します: 1 ファイル、ロール別、種類別
  convert SOURCE FILE... Ingress（や他のツールの設定）を Gateway API に変換します
  upgrade FILE|DIR...    v1beta1/v1alpha2/v1alpha3 のオブジェクトをその場で v1 に書き換えます（.bak を残します）
  portability FILE|DIR   使っている機能と、それに合格している実装を一覧にします

オプション:
  --lang LANG            メッセージの言語（en、ja）。既定はシステムの言語
  --version              バージョンを表示します
  -h, --help             このヘルプを表示します

各コマンドのオプションは 'toriictl COMMAND --help' で表示されます。
</translation>
    </message>
    <message>
        <source>List the Gateway API features a design uses and the implementations whose conformance reports pass each (v1.6 reports; v1.5 where an implementation has no v1.6 report).</source>
        <translation>設計が使う Gateway API の機能と、それぞれに適合性レポートで合格している実装を一覧にします（v1.6 のレポート。v1.6 のレポートがない実装は v1.5）。</translation>
    </message>
    <message>
        <source>Output format: table or json.</source>
        <translation>出力形式: table または json。</translation>
    </message>
    <message>
        <source>toriictl portability: unknown output format "%1" (use table or json)</source>
        <translation>toriictl portability: 不明な出力形式 "%1"（table か json を使ってください）</translation>
    </message>
    <message>
        <source>toriictl portability: name at least one file or folder</source>
        <translation>toriictl portability: ファイルまたはフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl portability: no input could be read</source>
        <translation>toriictl portability: 読み込める入力がありません</translation>
    </message>
    <message>
        <source>The files hold no Gateway API objects.</source>
        <translation>ファイルに Gateway API のオブジェクトがありません。</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> ほか %1 件</translation>
    </message>
    <message>
        <source>used by: %1</source>
        <translation>使用箇所: %1</translation>
    </message>
    <message>
        <source>passes (%1 of %2): %3</source>
        <translation>合格（%2 中 %1）: %3</translation>
    </message>
    <message>
        <source>Passes every feature used: %1</source>
        <translation>使用しているすべての機能に合格: %1</translation>
    </message>
    <message>
        <source>From the implementations' Gateway API v1.6 conformance reports; "(v1.5)" marks an implementation whose newest report is for v1.5.</source>
        <translation>各実装の Gateway API v1.6 適合性レポートに基づきます。"(v1.5)" は最新のレポートが v1.5 の実装を示します。</translation>
    </message>
    <message>
        <source>Rewrite Gateway API objects written as v1beta1, v1alpha2 or v1alpha3 to v1 in place, keeping comments and formatting; the original is kept as FILE.bak.</source>
        <translation>v1beta1、v1alpha2、v1alpha3 で書かれた Gateway API オブジェクトを、コメントと書式を保ったままその場で v1 に書き換えます。元のファイルは FILE.bak として残ります。</translation>
    </message>
    <message>
        <source>Write nothing; print the changes as a unified diff.</source>
        <translation>何も書き込まず、変更を unified diff で表示します。</translation>
    </message>
    <message>
        <source>YAML or JSON files, or folders.</source>
        <translation>YAML または JSON ファイル、またはフォルダー。</translation>
    </message>
    <message>
        <source>toriictl upgrade: name at least one file or folder</source>
        <translation>toriictl upgrade: ファイルまたはフォルダーを 1 つ以上指定してください</translation>
    </message>
    <message>
        <source>toriictl upgrade: cannot read %1: %2</source>
        <translation>toriictl upgrade: %1 を読めません: %2</translation>
    </message>
    <message>
        <source>toriictl upgrade: cannot write the backup %1: %2; %3 is left unchanged</source>
        <translation>toriictl upgrade: バックアップ %1 を書き込めません: %2。%3 は変更しません</translation>
    </message>
    <message>
        <source>toriictl upgrade: cannot write %1: %2</source>
        <translation>toriictl upgrade: %1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>%1:%2: %3 %4: apiVersion %5 → %6</source>
        <translation>%1:%2: %3 %4: apiVersion %5 → %6</translation>
    </message>
    <message>
        <source>nothing to upgrade: every Gateway API object is already v1</source>
        <translation>更新するものはありません: すべての Gateway API オブジェクトはすでに v1 です</translation>
    </message>
    <message>
        <source>%1 object(s) in %2 file(s) would be upgraded (dry run: nothing written)</source>
        <translation>%2 個のファイルの %1 個のオブジェクトが更新されます（ドライラン: 何も書き込んでいません）</translation>
    </message>
    <message>
        <source>%1 object(s) in %2 file(s) upgraded; the originals are kept as .bak files</source>
        <translation>%2 個のファイルの %1 個のオブジェクトを更新しました。元のファイルは .bak ファイルとして残っています</translation>
    </message>
    <message>
        <source>networking.k8s.io/v1 Ingress (ingress-nginx and nginx.org annotations) → Gateway, HTTPRoute, GRPCRoute, TLSRoute, BackendTLSPolicy</source>
        <translation>networking.k8s.io/v1 Ingress (ingress-nginx と nginx.org のアノテーション) → Gateway、HTTPRoute、GRPCRoute、TLSRoute、BackendTLSPolicy</translation>
    </message>
    <message>
        <source>Istio Gateway and VirtualService (networking.istio.io) → Gateway, HTTPRoute, TLSRoute, TCPRoute</source>
        <translation>Istio の Gateway と VirtualService (networking.istio.io) → Gateway、HTTPRoute、TLSRoute、TCPRoute</translation>
    </message>
    <message>
        <source>OpenAPI 3.x (YAML or JSON) → Gateway, HTTPRoutes (one Exact match per operation); needs --gateway-class and --backend</source>
        <translation>OpenAPI 3.x (YAML または JSON) → Gateway、HTTPRoute (オペレーションごとに Exact マッチを 1 つ)。--gateway-class と --backend が必要</translation>
    </message>
    <message>
        <source>ALB listener rules (aws elbv2 describe-rules JSON, CloudFormation) → Gateway, HTTPRoutes; reports where priority order and Gateway API precedence disagree</source>
        <translation>ALB リスナールール (aws elbv2 describe-rules の JSON、CloudFormation) → Gateway、HTTPRoute。優先度の順序と Gateway API の優先順位が食い違う箇所を報告</translation>
    </message>
    <message>
        <source>Amazon ECS task definitions (JSON, describe-task-definition output, or CloudFormation AWS::ECS::TaskDefinition) → Deployment, ServiceAccount, Services, Gateway, HTTPRoute/TCPRoute/UDPRoute</source>
        <translation>Amazon ECS タスク定義 (JSON、describe-task-definition の出力、または CloudFormation の AWS::ECS::TaskDefinition) → Deployment、ServiceAccount、Service、Gateway、HTTPRoute/TCPRoute/UDPRoute</translation>
    </message>
    <message>
        <source>L4 rules (TCP, UDP, TLS): %1 samples after the HTTP requests, one connection or UDP flow each; backends as the echo answered, latency from connect to answer, an answered sample counts as 2xx
</source>
        <extracomment>%1 the number of TCP/TLS connections and UDP flows opened for the L4 rules</extracomment>
        <translation>L4 ルール（TCP・UDP・TLS）: HTTP リクエストの後に %1 サンプル（それぞれ 1 本の接続または UDP フロー）。バックエンドはエコーの応答による、レイテンシは接続から応答まで、応答のあったサンプルは 2xx として数えます
</translation>
    </message>
    <message>
        <source>; few requests, p from the exact multinomial test</source>
        <translation>。リクエストが少ないため、p は正確な多項検定による値です</translation>
    </message>
    <message>
        <source>tcp, udp and tls lines: one connection or UDP flow each; backends as the echo answered, latency from when it was due to the answer, an answered sample counts as 2xx
</source>
        <translation>tcp・udp・tls の行: それぞれ接続または UDP フロー 1 つ。バックエンドはエコーの応答によるもの、レイテンシは予定時刻から応答まで、応答のあったサンプルは 2xx として数えます
</translation>
    </message>
    <message>
        <source>grpc lines: a gRPC status counts in the HTTP status class it maps to (NOT_FOUND 4xx, UNAVAILABLE 5xx, ...)
</source>
        <translation>grpc の行: gRPC ステータスは対応する HTTP ステータスの分類で数えます（NOT_FOUND は 4xx、UNAVAILABLE は 5xx など）
</translation>
    </message>
    <message>
        <source>not sampled: %1 (L4 rules are sampled on the listeners served in-process when their backends are echo servers: with the default mix, or with a tcp, udp or tls line of --mix; not with --target)
</source>
        <translation>サンプルなし: %1（L4 ルールは、バックエンドがエコーサーバーのとき、プロセス内で提供されるリスナーでサンプルされます。既定のミックス、または --mix の tcp・udp・tls の行で行われ、--target では行われません）
</translation>
    </message>
    <message>
        <source>Default mix: connections or UDP flows sampled per TCP, UDP and TLS rule after the HTTP requests (default 200; 0: none).</source>
        <translation>既定のミックス: HTTP リクエストの後に、TCP・UDP・TLS のルールごとにサンプルする接続または UDP フローの数（既定 200、0: なし）。</translation>
    </message>
    <message>
        <source>--stream-samples wants a number from 0 to 100000, not "%1"</source>
        <translation>--stream-samples には 0 から 100000 までの数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>--stream-samples sizes the default mix's L4 samples in-process; it cannot go with --target or --mix (a mix weights its tcp, udp and tls lines)</source>
        <translation>--stream-samples はプロセス内での既定のミックスの L4 サンプル数を決めます。--target や --mix とは併用できません（ミックスでは tcp・udp・tls の行に重みを付けます）</translation>
    </message>
    <message>
        <source>BackendTLSPolicy %1 (wellKnownCACertificates: System): the gateway trusts the development CA beside the system store, standing in for a public CA; its mock backends present certificates it issued (a backend bound with --backend is checked against the system store only)
</source>
        <translation>BackendTLSPolicy %1 (wellKnownCACertificates: System): ゲートウェイはシステムの証明書ストアに加えて開発用 CA を公開 CA の代わりとして信頼します。モックバックエンドはこの CA が発行した証明書を提示します(--backend で結び付けたバックエンドはシステムの証明書ストアだけで検証します)
</translation>
    </message>
    <message>
        <source>Once serving, send this many requests of the default mix and a few dozen connections or flows per TCP, UDP and TLS rule through the gateway (within 5 s); the summary counts them.</source>
        <translation>提供開始後、既定のミックスのリクエストをこの数だけ、さらに TCP・UDP・TLS のルールごとに数十の接続またはフローをゲートウェイ経由で送ります（5 秒以内）。まとめに集計されます。</translation>
    </message>
    <message>
        <source>--max-header-bytes wants a size from 1 to 1M, not "%1"</source>
        <translation>--max-header-bytes には 1 から 1M までのサイズを指定してください（"%1" は使えません）</translation>
    </message>
    <message>
        <source>--burst wants a number of requests from 0 to 100000, not "%1"</source>
        <translation>--burst には 0 から 100000 までのリクエスト数を指定してください（"%1" ではなく）</translation>
    </message>
    <message>
        <source>burst: %1</source>
        <translation>バースト: %1</translation>
    </message>
    <message>
        <source>burst: %1 HTTP request(s), %2 answered, in %3 s
</source>
        <extracomment>%1 requests sent, %2 of them answered, %3 seconds</extracomment>
        <translation>バースト: HTTP リクエスト %1 件、応答 %2 件、%3 秒
</translation>
    </message>
    <message>
        <source>burst: %1: %2 %3 sample(s), %4 answered by the echo
</source>
        <extracomment>%1 a route rule, %2 how many samples, %3 tcp, udp or tls, %4 how many answered</extracomment>
        <translation>バースト: %1: %3 のサンプル %2 件、エコーの応答 %4 件
</translation>
    </message>
    <message>
        <source>burst: %1: %2 %3 sample(s) (its backends do not answer the echo; the gateway still chose one for each)
</source>
        <translation>バースト: %1: %3 のサンプル %2 件（バックエンドはエコーに応答しませんが、ゲートウェイはそれぞれにバックエンドを選びました）
</translation>
    </message>
    <message>
        <source>  %1 × %2 flow(s)
</source>
        <translation>  %1 × %2 フロー
</translation>
    </message>
    <message>
        <source>  %1 × %2 connection(s)
</source>
        <translation>  %1 × %2 接続
</translation>
    </message>
    <message>
        <source>the request "%1" is a %2 line: tcp, udp and tls lines need the in-process gateway (--target is one HTTP port)</source>
        <translation>リクエスト "%1" は %2 の行です。tcp・udp・tls の行にはプロセス内のゲートウェイが必要です（--target は HTTP ポート 1 つです）</translation>
    </message>
    <message>
        <source>no served %3 listener matches %1 of the request "%2"</source>
        <extracomment>%1 the mix line's listener, %2 its name, %3 TCP, UDP or TLS</extracomment>
        <translation>リクエスト "%2" の %1 に一致する、提供中の %3 リスナーがありません</translation>
    </message>
    <message>
        <source>the request "%1" lands on %2, whose backends do not answer the echo (a DNS server, an HTTP echo or a real app): its samples could not name a backend</source>
        <extracomment>%2 is a route rule such as "TCPRoute ns/name rule 0"</extracomment>
        <translation>リクエスト "%1" は %2 に届きますが、そのバックエンドはエコーに応答しません（DNS サーバー、HTTP エコー、または実アプリ）。サンプルからバックエンドを特定できません</translation>
    </message>
</context>
</TS>