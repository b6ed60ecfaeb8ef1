namespace Isl.PacsAgent.Storage;

/// <summary>A study was asked to move between two states the state machine does not connect.</summary>
public sealed class InvalidStudyTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="studyInstanceUid"/>.</summary>
    public InvalidStudyTransitionException(string studyInstanceUid, StudyState from, StudyState to)
        : base($"Study {studyInstanceUid} cannot move from {from} to {to}.")
    {
        StudyInstanceUid = studyInstanceUid;
        From = from;
        To = to;
    }

    /// <summary>The study.</summary>
    public string StudyInstanceUid { get; }

    /// <summary>The state it was in.</summary>
    public StudyState From { get; }

    /// <summary>The state it was asked to move to.</summary>
    public StudyState To { get; }
}
