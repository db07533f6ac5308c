#include "echo_identity.h"

#include <QCryptographicHash>

namespace Torii::Backends {

namespace {

// Kubernetes' rand.SafeEncodeString alphabet: no vowels, no confusable digits.
constexpr char SafeAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";

QString safeChars(const QByteArray &seed, int count)
{
    const QByteArray digest = QCryptographicHash::hash(seed, QCryptographicHash::Sha1);
    QString out;
    constexpr int alphabetSize = sizeof(SafeAlphabet) - 1;
    for (int i = 0; i < count; ++i) {
        out += QLatin1Char(SafeAlphabet[quint8(digest[i % digest.size()]) % alphabetSize]);
    }
    return out;
}

} // namespace

QString podName(const QString &deployment, int index)
{
    const QByteArray name = deployment.toUtf8();
    // The first part stands for the ReplicaSet (shared by every replica), the second for the pod.
    const QString replicaSet = safeChars("replicaset/" + name, 10);
    const QString pod = safeChars("pod/" + name + '/' + QByteArray::number(index), 5);
    return deployment + u'-' + replicaSet + u'-' + pod;
}

EchoIdentity replicaIdentity(const QString &namespaceName, const QString &service, int index)
{
    EchoIdentity identity;
    identity.namespaceName = namespaceName;
    identity.pod = podName(service, index);
    return identity;
}

} // namespace Torii::Backends
