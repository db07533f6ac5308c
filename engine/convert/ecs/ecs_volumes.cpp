#include "ecs_volumes.h"

namespace Torii::Convert::Ecs::Internal {

using Core::Severity;
using Core::text;
using Model::Node;

Model::Node convertVolumes(EcsContext &ctx, const Model::Node &task, const std::string &taskPointer,
                           const std::string &deploymentLabel)
{
    Node out = Node::list();
    const Node &volumes = task["volumes"];
    const std::string base = appendPointer(taskPointer, "volumes");
    for (std::size_t i = 0; i < volumes.items().size(); ++i) {
        const Node &v = volumes.items()[i];
        const std::string vp = appendPointer(base, i);
        const std::string name = kubernetesName(textOf(v["name"]));
        const std::string target = "spec.template.spec.volumes[" + std::to_string(out.size()) + "]";
        Node pv = Node::map();
        pv.set("name", Node::string(name));
        const Node &host = v["host"];
        const Node &docker = v["dockerVolumeConfiguration"];
        const Node &efs = v["efsVolumeConfiguration"];
        if (host["sourcePath"].isString() && !host["sourcePath"].str().empty()) {
            Node hp = Node::map();
            hp.set("path", Node::string(host["sourcePath"].str()));
            pv.set("hostPath", std::move(hp));
            ctx.trace(deploymentLabel, target + ".hostPath", host, appendPointer(vp, "host"),
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "A bind mount of a host path is a hostPath volume "
                                             "(the node's filesystem, as on the EC2 instance).")));
            ctx.note(Severity::Warning, "ecs.volume", host, appendPointer(vp, "host"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "hostPath %1 ties the pod to what is on its node"),
                          {host["sourcePath"].str()}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Many clusters forbid hostPath (Pod Security "
                                            "baseline); prefer an emptyDir, a ConfigMap or a "
                                            "PersistentVolumeClaim.")));
        } else if (efs.isMap()) {
            Node claim = Node::map();
            claim.set("claimName", Node::string(name));
            pv.set("persistentVolumeClaim", std::move(claim));
            const std::string fs = textOf(efs["fileSystemId"]);
            const std::string root = textOf(efs["rootDirectory"]);
            ctx.trace(
                deploymentLabel, target + ".persistentVolumeClaim", efs,
                appendPointer(vp, "efsVolumeConfiguration"),
                text(QT_TRANSLATE_NOOP("Diagnostics", "An EFS file system is mounted through a "
                                                      "PersistentVolumeClaim bound to an EFS "
                                                      "PersistentVolume.")));
            ctx.note(Severity::Warning, "ecs.volume", efs,
                     appendPointer(vp, "efsVolumeConfiguration"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "EFS file system %1 needs a PersistentVolume and the "
                                            "claim %2"),
                          {fs, name}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Install the EFS CSI driver, create a "
                                            "PersistentVolume with csi.driver efs.csi.aws.com and "
                                            "volumeHandle %1 (%1::<access point> for an access "
                                            "point; root directory %2), and a "
                                            "PersistentVolumeClaim %3 bound to it; IAM "
                                            "authorization and transit encryption are the "
                                            "driver's mount options."),
                          {fs, root.empty() ? std::string("/") : root, name}));
        } else if (docker.isMap() && textOf(docker["scope"]) == "shared") {
            Node claim = Node::map();
            claim.set("claimName", Node::string(name));
            pv.set("persistentVolumeClaim", std::move(claim));
            ctx.trace(
                deploymentLabel, target + ".persistentVolumeClaim", docker,
                appendPointer(vp, "dockerVolumeConfiguration"),
                text(QT_TRANSLATE_NOOP("Diagnostics", "A shared Docker volume outlives the task: a "
                                                      "PersistentVolumeClaim does.")));
            ctx.note(Severity::Warning, "ecs.volume", docker,
                     appendPointer(vp, "dockerVolumeConfiguration"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Docker volume %1 (driver %2) became the claim %1, "
                                            "which must be created"),
                          {name, textOf(docker["driver"])}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Create a PersistentVolumeClaim with a StorageClass "
                                            "that provides what the volume driver did.")));
        } else {
            pv.set("emptyDir", Node::map());
            ctx.trace(deploymentLabel, target + ".emptyDir", v, vp,
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "A volume without a host path is Docker's scratch "
                                             "volume, which lives as long as the task: an "
                                             "emptyDir lives as long as the pod.")));
        }
        if (v.has("readOnly")) {
            ctx.note(Severity::Info, "ecs.volume", v["readOnly"], appendPointer(vp, "readOnly"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "readOnly on a task volume is not an ECS field; set "
                                            "readOnly on the mount points")));
        }
        if (v.has("fsxWindowsFileServerVolumeConfiguration")) {
            ctx.note(
                Severity::Warning, "ecs.no-equivalent",
                v["fsxWindowsFileServerVolumeConfiguration"], vp,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1 has no Kubernetes equivalent and was not "
                                                      "converted"),
                     {"fsxWindowsFileServerVolumeConfiguration"}),
                text(QT_TRANSLATE_NOOP("Diagnostics",
                                       "Use the FSx for Windows File Server CSI driver or "
                                       "an SMB CSI driver with a PersistentVolumeClaim.")));
        }
        out.append(std::move(pv));
    }
    return out;
}

} // namespace Torii::Convert::Ecs::Internal
