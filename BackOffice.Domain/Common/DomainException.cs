namespace BackOffice.Domain.Common;

/// <summary>A business rule was broken; the message is written for the user who broke it.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>Someone else saved the same record first; nothing of the caller's input was written.</summary>
public sealed class ConcurrencyConflictException()
    : DomainException("记录已被他人修改，请刷新后重试 · Changed by someone else: reload and try again.");

/// <summary>The signed-in person lacks the role an action needs.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message);
