{ include("$jacamo/templates/common-cartago.asl") }
{ include("$jacamo/templates/common-moise.asl") }
{ include("archive.asl") }

+report_ready[source(A)] : archive_name(W)
    <- .print("report from ", A, " received in the ", W);
       .wait(300);
       .stopMAS.
