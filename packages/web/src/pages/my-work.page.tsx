import { MyWork } from "../modules/board/my-work";

export function MyWorkPage() {
  return <MyWork />;
}
