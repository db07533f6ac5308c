// The translations library holds only the embedded .qm resources; this file gives it a body.
namespace Torii::I18n {
int anchor()
{
    return 0;
}
} // namespace Torii::I18n
