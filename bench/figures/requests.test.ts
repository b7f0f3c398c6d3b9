// The requests figure counts the details requests too, and holds them to their budget: the membership polls plus one
// details refresh per account in the 10 simulated minutes.
import { run } from './requests'

describe('the requests figure', () => {
  it('counts the details refresh of each account beside the membership polls, within the budget', async () => {
    const figures = await run()
    const byName = (start: string) => figures.find((figure) => figure.figure.startsWith(start))
    expect(byName('membership requests')).toMatchObject({ value: 30, pass: true })
    // One refresh per account: a workgroup list page and a COUNTERS batch (the fake portal's 20 groups hold owners).
    expect(byName('details requests')).toMatchObject({ value: 6 })
    expect(byName('requests, 3 accounts, 60 s, 10 simulated min, all well')).toMatchObject({
      value: 36,
      budget: '<= 36',
      pass: true,
    })
  })
})
