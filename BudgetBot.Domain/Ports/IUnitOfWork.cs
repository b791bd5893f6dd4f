namespace BudgetBot.Domain.Ports;

/// <summary>
/// Runs work as one storage transaction: every write the work makes through the ports is committed together, or none
/// is when it throws. Reads inside see the work's own writes.
/// </summary>
public interface IUnitOfWork
{
    T Run<T>(Func<T> work);
}
