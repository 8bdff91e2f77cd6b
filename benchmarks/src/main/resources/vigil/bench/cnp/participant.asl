// A CNP participant (Jason's examples/contract-net-protocol p.asl, scaled up: see ORIGIN).

// gets the price for the product,
// a random value between 100 and 110.
price(_Service,X) :- .random(R) & X = (10*R)+100.

!register.

+!register <- .df_register("participant");
              .df_subscribe("initiator").

// answer to Call For Proposal
@c1 +cfp(CNPId,Task)[source(A)]
   :  provider(A,"initiator") &
      price(Task,Offer)
   <- -cfp(CNPId,Task)[source(A)];
      +proposal(CNPId,Task,Offer); // remember my proposal
      .send(A,tell,propose(CNPId,Offer)).

@r1 +accept_proposal(CNPId)[source(A)]
   :  proposal(CNPId,Task,Offer)
   <- -accept_proposal(CNPId)[source(A)];
      -proposal(CNPId,_,_);
      WORK.  // do the task

@r2 +reject_proposal(CNPId)[source(A)]
   <- -reject_proposal(CNPId)[source(A)];
      -proposal(CNPId,_,_). // clear memory
