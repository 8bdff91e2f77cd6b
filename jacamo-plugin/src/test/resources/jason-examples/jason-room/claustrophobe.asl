+locked(door) : true
  <- .send(porter,achieve,~locked(door)). // ask porter to unlock the door

//-locked(door) : true
//  <- .print("Thanks for unlocking the door!").

